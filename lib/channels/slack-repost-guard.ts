// Slack's chat.postMessage takes no idempotency key: if Slack accepted a post and its answer never
// reached us (a timeout, a reset, a crash before the ts was recorded), the retry would post a
// second message. So every post carries message metadata naming the outbox delivery it belongs to
// (https://api.slack.com/metadata/using: `event_type` + `event_payload`), and a retry first reads
// the channel (or the thread) since the delivery's first attempt with `include_all_metadata` and
// takes the post it finds there instead of posting again. Reading needs `channels:history` /
// `groups:history`; an install made before those scopes were asked for cannot look, and then the
// retry posts as before (a possible repeat, never a lost alert).
import { ErrorCode, type WebClient } from '@slack/web-api'

/** Our metadata's event type (Slack: a namespaced, lower-case name of the event). */
export const SLACK_POST_EVENT_TYPE = 'vendorwatch_alert_posted'

/**
 * One page of the newest messages since the first attempt, never more: Slack limits apps outside
 * its Marketplace to one conversations.history/replies call a minute with at most 15 messages
 * (https://api.slack.com/apis/rate-limits), so a second page would be rate limited and a retry that
 * always needs it would never get through. A channel busier than that between a post and its retry
 * may get the post twice; a 429 on the read is a 429 like any other (retried after Retry-After).
 */
const PAGE_SIZE = 200
/** Slack's clock and ours may differ; read a little further back than the first attempt. */
const CLOCK_SLACK_MS = 5 * 60_000

export interface PostTag {
  /** The outbox delivery's key: the same on every attempt of one delivery, different for every other. */
  delivery: string
  subject: string
}

/** The `metadata` argument of chat.postMessage for a delivery's post. */
export function postMetadata(tag: PostTag) {
  return { event_type: SLACK_POST_EVENT_TYPE, event_payload: { delivery: tag.delivery, subject: tag.subject } }
}

interface MessageWithMetadata {
  ts?: string
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> }
}

/** Whether a message read back is the post of this delivery. */
export function isPostOf(message: MessageWithMetadata, delivery: string): boolean {
  return message.metadata?.event_type === SLACK_POST_EVENT_TYPE && message.metadata.event_payload?.delivery === delivery
}

/** Slack's `oldest`: seconds with microseconds, as its ts are written. */
const slackTs = (at: Date) => ((at.getTime() - CLOCK_SLACK_MS) / 1000).toFixed(6)

/**
 * The ts of the message this delivery already posted (in the channel, or as a reply in `threadTs`'s
 * thread) since `since`, or null when there is none or the token may not read history. Other
 * errors are thrown, as the post's own would be (a revoked token, an archived channel, a 429).
 */
export async function findEarlierPost(client: WebClient, where: { channel: string; threadTs?: string }, delivery: string, since: Date): Promise<string | null> {
  try {
    const args = { channel: where.channel, oldest: slackTs(since), include_all_metadata: true, limit: PAGE_SIZE }
    const answer = where.threadTs ? await client.conversations.replies({ ...args, ts: where.threadTs }) : await client.conversations.history(args)
    return (answer.messages as MessageWithMetadata[] | undefined)?.find((m) => isPostOf(m, delivery))?.ts ?? null
  } catch (error) {
    const code = (error as { code?: string; data?: { error?: string } }).code
    if (code === ErrorCode.PlatformError && (error as { data?: { error?: string } }).data?.error === 'missing_scope') return null
    throw error
  }
}
