// Slack, as a Slack app: the bot token from "Add to Slack" and the official Web API client.
// First message about a subject: chat.postMessage; every later change: chat.update of that message
// (so the channel shows one message per incident, always current) and the change as a thread reply.
// The client is pointed at another API root only by the tests (SLACK_API_URL, a local stand-in);
// the code path is the same. Rate limits are not waited out inside the client: a 429 becomes a
// retry outcome with Slack's Retry-After, so the outbox holds this destination back while others go.
import { ErrorCode, WebClient, type ChatPostMessageResponse } from '@slack/web-api'
import { slackBlocks, slackFallbackText, slackReply } from './slack-blocks'
import { findEarlierPost, postMetadata } from './slack-repost-guard'
import type { ChannelSender, ChannelThreadState, SendOutcome } from './types'

/** Errors that mean the token or the channel is gone: nothing more can be sent until the user fixes it. */
export const SLACK_BROKEN_ERRORS = new Set([
  'token_revoked',
  'token_expired',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'team_disabled',
  'org_login_required',
  'ekm_access_denied',
  'missing_scope',
  'no_permission',
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'restricted_action',
])

/** Errors that concern the one message we meant to edit: post a fresh one instead. */
const MESSAGE_GONE_ERRORS = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed'])

/** Slack's own hiccups: try again later. */
const RETRY_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])

export interface SlackSenderOptions {
  /** Web API root; unset: https://slack.com/api/. Tests point it at lib/testing/fake-chat.ts. */
  apiUrl?: string
  timeoutMs?: number
}

export function createSlackClient(token: string | undefined, options: SlackSenderOptions = {}): WebClient {
  return new WebClient(token, {
    ...(options.apiUrl && { slackApiUrl: options.apiUrl }),
    rejectRateLimitedCalls: true,
    // The outbox owns retries (with backoff and per-destination holds); the client makes one attempt.
    retryConfig: { retries: 0 },
    // Generous: chat.postMessage has no idempotency key, so a post Slack accepted whose answer we
    // gave up on must be found again on retry (slack-repost-guard.ts). Far below the outbox's 2-minute lease.
    timeout: options.timeoutMs ?? 20_000,
    allowAbsoluteUrls: false,
  })
}

function errorCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

/** Maps anything the Web API client throws to an outcome. */
export function slackErrorOutcome(error: unknown): SendOutcome & { ok: false } {
  const code = errorCodeOf(error)
  if (code === ErrorCode.RateLimitedError) {
    const seconds = (error as { retryAfter?: number }).retryAfter
    return { ok: false, retry: true, reason: `rate limited (Retry-After ${seconds ?? '?'} s)`, retryAfterMs: Math.max(1, seconds ?? 60) * 1000, statusCode: 429 }
  }
  if (code === ErrorCode.PlatformError) {
    const slackError = (error as { data?: { error?: string } }).data?.error ?? 'unknown_error'
    if (SLACK_BROKEN_ERRORS.has(slackError)) return { ok: false, retry: false, broken: true, reason: slackError, statusCode: 200 }
    if (RETRY_ERRORS.has(slackError)) return { ok: false, retry: true, reason: slackError, statusCode: 200 }
    return { ok: false, retry: false, broken: false, reason: slackError, statusCode: 200 }
  }
  if (code === ErrorCode.HTTPError) {
    const statusCode = (error as { statusCode?: number }).statusCode ?? 0
    const reason = `HTTP ${statusCode}`
    if (statusCode === 401 || statusCode === 403) return { ok: false, retry: false, broken: true, reason, statusCode }
    if (statusCode >= 500 || statusCode === 408) return { ok: false, retry: true, reason, statusCode }
    return { ok: false, retry: false, broken: false, reason, statusCode }
  }
  // RequestError (network, timeout) and anything unexpected: the message is intact, try again.
  const reason = error instanceof Error ? error.message : String(error)
  return { ok: false, retry: true, reason: `request failed: ${reason.slice(0, 200)}` }
}

function platformError(error: unknown): string | undefined {
  return errorCodeOf(error) === ErrorCode.PlatformError ? (error as { data?: { error?: string } }).data?.error : undefined
}

/**
 * Revokes a bot token (auth.revoke) when its destination is deleted, so a token we no longer keep
 * cannot post any more. Best effort: a token already revoked or a Slack that does not answer in
 * `timeoutMs` is left as it is (the stored copy is gone either way). True when Slack confirmed.
 */
export async function revokeSlackToken(token: string, options: SlackSenderOptions = {}): Promise<boolean> {
  try {
    const answer = await createSlackClient(token, { ...options, timeoutMs: options.timeoutMs ?? 5_000 }).auth.revoke()
    return answer.ok === true
  } catch (error) {
    console.warn('[slack] auth.revoke failed (the destination is deleted anyway):', error instanceof Error ? error.message : error)
    return false
  }
}

export function createSlackSender(options: SlackSenderOptions = {}): ChannelSender<'slack'> {
  return {
    kind: 'slack',
    async send({ settings, message, thread, delivery }) {
      const client = createSlackClient(settings.botToken, options)
      const blocks = slackBlocks(message)
      const text = slackFallbackText(message)
      // Posts of an outbox delivery are tagged, and its retries look for the tag first (slack-repost-guard.ts).
      const tag = delivery && { delivery: delivery.key, subject: message.subjectKey }
      const earlier = async (where: { channel: string; threadTs?: string }) => (delivery?.retry ? findEarlierPost(client, where, delivery.key, delivery.since) : null)
      const post = async (): Promise<ChannelThreadState & { found: boolean }> => {
        const found = await earlier({ channel: settings.channelId })
        if (found) return { externalId: found, data: { channel: settings.channelId }, found: true }
        const posted: ChatPostMessageResponse = await client.chat.postMessage({
          channel: settings.channelId,
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(tag && { metadata: postMetadata(tag) }),
        })
        if (!posted.ts) throw new Error('chat.postMessage answered without a ts')
        return { externalId: posted.ts, data: { channel: posted.channel ?? settings.channelId }, found: false }
      }
      const threadOf = ({ externalId, data }: ChannelThreadState) => ({ externalId, ...(data && { data }) })
      try {
        // A test stands alone: it never starts a thread a real incident would edit.
        if (message.test || !thread) {
          const started = await post()
          const detail = started.found ? `already posted ${started.externalId} (its answer was lost)` : `posted ${started.externalId}`
          return { ok: true, statusCode: 200, detail, ...(!message.test && { thread: threadOf(started) }) }
        }
        const channel = thread.data?.channel ?? settings.channelId
        try {
          await client.chat.update({ channel, ts: thread.externalId, text, blocks })
        } catch (error) {
          // The message was deleted in Slack: start again with a new one, which the thread now points to.
          if (!MESSAGE_GONE_ERRORS.has(platformError(error) ?? '')) throw error
          const restarted = await post()
          return { ok: true, statusCode: 200, detail: `message gone, posted ${restarted.externalId}`, thread: threadOf(restarted) }
        }
        // chat.update is idempotent; the reply is not, so a retry looks for it in the thread first.
        if (await earlier({ channel, threadTs: thread.externalId })) return { ok: true, statusCode: 200, detail: `updated ${thread.externalId}, reply already posted` }
        const reply = slackReply(message)
        await client.chat.postMessage({
          channel,
          thread_ts: thread.externalId,
          text: reply.text,
          blocks: reply.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(tag && { metadata: postMetadata(tag) }),
        })
        return { ok: true, statusCode: 200, detail: `updated ${thread.externalId} and replied` }
      } catch (error) {
        return slackErrorOutcome(error)
      }
    },
  }
}
