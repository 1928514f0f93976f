// What the destinations page does, behind its server actions: add a destination by URL or key
// (checked, sealed, masked; a webhook gets its signing secret, shown once), rotate a webhook's
// secret, and "Send test". The settings never travel back: callers get ids, masks and results.
import { randomUUID } from 'node:crypto'
import type { Defer } from '@/lib/accounts/background'
import * as destinations from '@/lib/data/destinations'
import { env } from '@/lib/env'
import type { ResolveAll } from '@/lib/ingest/dns'
import { chatWebhookUrlProblem } from './kinds'
import { testChannelMessage } from './message'
import { checkDestinationUrl } from './outbound-http'
import { openSettings, sealSettings } from './sealed-settings'
import { SENDERS } from './senders'
import { revokeSlackToken } from './slack'
import { newWebhookSecret } from './webhook'
import type { ChannelKind, ChannelSender, ChannelSettings, OutboundHttp } from './types'

/** Kinds added by pasting a URL or key (Slack is added through "Add to Slack"). */
export type PastedKind = Exclude<ChannelKind, 'slack'>

export interface ManageOptions {
  allowPrivateNetwork: boolean
  /** Tests only (CHAT_WEBHOOK_TEST_BASE_URL): a stand-in's base URL accepted as a chat webhook URL. */
  chatWebhookTestBaseUrl?: string
  /** DNS for the save-time check (tests inject answers). */
  resolveAll?: ResolveAll
}

const defaults = (): ManageOptions => ({ allowPrivateNetwork: env.CHANNELS_ALLOW_PRIVATE_NETWORK, chatWebhookTestBaseUrl: env.CHAT_WEBHOOK_TEST_BASE_URL })

/** "hooks.example.com/…a1f3": enough to recognise, nothing to reuse. */
export function maskUrl(raw: string): string {
  const url = new URL(raw)
  const tail = `${url.pathname}${url.search}`.replace(/[^A-Za-z0-9]/g, '').slice(-4)
  return `${url.host}/…${tail}`
}

export const maskKey = (key: string) => `••••${key.slice(-4)}`

export type AddResult =
  | { ok: true; id: string; maskedTarget: string; secret?: string }
  | { ok: false; field: 'target' | 'form'; error: string }
  | { ok: false; field: 'limit'; error: 'limit' }

export async function addDestination(userId: string, input: { kind: PastedKind; name: string; target: string }, options: ManageOptions = defaults()): Promise<AddResult> {
  const target = input.target.trim()
  let sealed: string
  let maskedTarget: string
  let secret: string | undefined
  if (input.kind === 'pagerduty') {
    if (!/^[A-Za-z0-9]{32}$/.test(target)) return { ok: false, field: 'target', error: 'A PagerDuty integration (routing) key is 32 letters and digits.' }
    sealed = sealSettings('pagerduty', { routingKey: target })
    maskedTarget = maskKey(target)
  } else {
    // A chat webhook must have its service's shape (lib/channels/kinds.ts), and then pass the SSRF guard like any URL.
    if (input.kind !== 'webhook') {
      const problem = chatWebhookUrlProblem(input.kind, target, { testBaseUrl: options.chatWebhookTestBaseUrl })
      if (problem) return { ok: false, field: 'target', error: `${problem}.` }
    }
    const refusal = await checkDestinationUrl(target, options)
    if (refusal) return { ok: false, field: 'target', error: `This URL cannot be used: ${refusal}.` }
    maskedTarget = maskUrl(target)
    if (input.kind === 'webhook') {
      secret = newWebhookSecret()
      sealed = sealSettings('webhook', { url: target, secret })
    } else {
      sealed = sealSettings(input.kind, { webhookUrl: target })
    }
  }
  const created = await destinations.createDestination({ userId, kind: input.kind, name: input.name, sealedSettings: sealed, maskedTarget })
  if (!created.ok) return { ok: false, field: 'limit', error: 'limit' }
  return { ok: true, id: created.id, maskedTarget, ...(secret ? { secret } : {}) }
}

/** A new signing secret for a webhook (the old one stops verifying at once); returned once. */
export async function rotateWebhookSecret(userId: string, id: string): Promise<string | null> {
  const row = await destinations.findDestinationForSend(userId, id)
  if (!row || row.kind !== 'webhook') return null
  const settings = openSettings('webhook', row.sealedSettings)
  const secret = newWebhookSecret()
  await destinations.updateDestinationSettings(userId, id, { sealedSettings: sealSettings('webhook', { ...settings, secret }), maskedTarget: maskUrl(settings.url) })
  return secret
}

/**
 * Deletes a destination with its sealed settings (and threads, deliveries, log). A Slack
 * destination's bot token is then revoked with Slack (auth.revoke), after the delete and through
 * `defer` (after the answer, in the app), so a slow or failing Slack never holds up or undoes the
 * delete. Slack gives one bot token per workspace install, the same on every "Add to Slack", so the
 * token is kept when another destination (another channel, another user of that workspace) still
 * holds it: revoking it would break that one.
 */
export async function removeDestination(userId: string, id: string, deps: { defer: Defer; revoke?: (token: string) => Promise<boolean> }): Promise<boolean> {
  const row = await destinations.findDestinationForSend(userId, id)
  if (!row || !(await destinations.deleteDestination(userId, id))) return false
  if (row.kind === 'slack') {
    const tokens = [...slackBotTokens([row.sealedSettings])]
    if (tokens.length) await deps.defer(() => revokeUnusedSlackTokens(tokens, deps.revoke))
  }
  return true
}

/**
 * The Slack bot tokens of a user's destinations, read before their account is deleted (the rows
 * go with it), for `revokeUnusedSlackTokens` once it is. Settings sealed under a lost key hold
 * nothing we could revoke with and are passed over.
 */
export async function slackTokensOfUser(userId: string): Promise<string[]> {
  return [...slackBotTokens(await destinations.sealedSettingsOfUser(userId, 'slack'))]
}

/**
 * Revokes each token with Slack (auth.revoke) unless a destination still holds it (one bot token
 * per workspace install, shared by every destination of that workspace). Best effort: a revoke
 * that fails is logged by `revokeSlackToken` and the others go on; call it after the rows are gone.
 */
export async function revokeUnusedSlackTokens(tokens: string[], revoke: (token: string) => Promise<boolean> = (t) => revokeSlackToken(t, { apiUrl: env.SLACK_API_URL })): Promise<void> {
  if (!tokens.length) return
  const stillUsed = await slackTokensInUse()
  for (const token of tokens) if (!stillUsed.has(token)) await revoke(token)
}

async function slackTokensInUse(): Promise<Set<string>> {
  return slackBotTokens(await destinations.sealedSettingsOfKind('slack'))
}

/** The bot tokens in Slack destinations' sealed settings; settings sealed under a lost key hold none we could use. */
function slackBotTokens(sealedSettings: string[]): Set<string> {
  const tokens = new Set<string>()
  for (const sealed of sealedSettings) {
    try {
      tokens.add(openSettings('slack', sealed).botToken)
    } catch {
      // Unreadable: nothing to revoke with or compare.
    }
  }
  return tokens
}

export const KIND_NAME: Record<ChannelKind, string> = {
  slack: 'Slack',
  discord: 'Discord',
  google_chat: 'Google Chat',
  teams: 'Microsoft Teams',
  pagerduty: 'PagerDuty',
  webhook: 'Webhook',
}

/**
 * Sends a test message now and records it as the destination's last result; returns what to show.
 * A test that gets through a destination marked broken turns it back on: the user fixed what broke it
 * (re-invited the app, unarchived the channel, re-enabled the workflow) and proved it.
 */
export async function sendTest(userId: string, id: string, deps: { http: OutboundHttp; appUrl: string; now: () => Date }): Promise<{ ok: boolean; text: string } | null> {
  const row = await destinations.findDestinationForSend(userId, id)
  if (!row) return null
  const kind = row.kind as ChannelKind
  const sender = SENDERS[kind] as ChannelSender<ChannelKind> | undefined
  const at = deps.now()
  const t0 = performance.now()
  let ok = false
  let text: string
  let statusCode: number | null = null
  if (!sender) text = `${KIND_NAME[kind]} is not available in this build.`
  else {
    try {
      const settings = openSettings(kind, row.sealedSettings) as ChannelSettings[ChannelKind]
      const outcome = await sender.send({ settings, message: testChannelMessage(`test_${randomUUID()}`, at, deps.appUrl), thread: null, http: deps.http })
      ok = outcome.ok
      statusCode = outcome.statusCode ?? null
      text = outcome.ok ? `Test delivered${outcome.statusCode ? ` (HTTP ${outcome.statusCode})` : ''}.` : `Test failed: ${outcome.reason}`
    } catch (e) {
      text = e instanceof Error && e.name === 'SealedSettingsError' ? 'Test failed: the saved settings cannot be read; add the destination again.' : 'Test failed: something went wrong on our side.'
      if (!(e instanceof Error && e.name === 'SealedSettingsError')) console.error('[destinations] send test failed:', e)
    }
  }
  const { healed } = await destinations.recordTestResult(userId, id, { at, ok, text, statusCode, latencyMs: Math.round(performance.now() - t0) })
  return { ok, text: healed ? `${text} It works again: new alerts will be sent here.` : text }
}
