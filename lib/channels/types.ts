// The contract between the channel outbox (which decides what to send, to whom, once) and the
// senders (which speak one service's API). A sender is impure at its edge only: it gets the
// destination's settings, the message, the thread it may edit, and an injected HTTP function, and
// answers with an outcome the outbox records. Senders never touch the database.
import type { ChangeEventKind } from '@/lib/data/outbox'
import type { IncidentImpact } from '@/lib/status/statuses'

export type ChannelKind = 'slack' | 'discord' | 'google_chat' | 'teams' | 'pagerduty' | 'webhook'

/** Each kind's settings, as sealed at rest (lib/channels/sealed-settings.ts) and opened only to send. */
export interface ChannelSettings {
  slack: { botToken: string; channelId: string; channelName: string; teamId: string; teamName: string }
  discord: { webhookUrl: string }
  google_chat: { webhookUrl: string }
  teams: { webhookUrl: string }
  pagerduty: { routingKey: string }
  /** `secret` is the Standard Webhooks signing secret, `whsec_` + base64. */
  webhook: { url: string; secret: string }
}

/** What every channel's message says about one change: built once per event (pure), rendered per kind. */
export interface ChannelMessage {
  /** The change event's id: idempotency key (Standard Webhooks `webhook-id`, Slack/Discord dedupe). */
  eventId: string
  eventKind: ChangeEventKind
  occurredAt: Date
  /** Messages about one subject share a thread: "incident:<id>", "maintenance:<id>", "component:<id>". */
  subjectKey: string
  vendor: { name: string; slug: string; url: string }
  /** Incident or maintenance title, or "<component> is <status>". */
  title: string
  /** Our page for the subject (incident page, or the vendor page). */
  url: string
  impact: IncidentImpact | null
  /** Human label of the current state: "Investigating", "Resolved", "Scheduled", "Degraded performance". */
  statusLabel: string
  /** Whether the subject is over (resolved incident, completed/cancelled maintenance, component back up). */
  closed: boolean
  affectedComponents: string[]
  /** Newest update in plain text, bounded (lib/format/upstream-text.ts); null when none. */
  latestUpdate: { body: string; statusLabel: string; publishedAt: Date } | null
  startedAt: Date | null
  endedAt: Date | null
  /** The versioned JSON webhooks carry (docs: README "Destinations"). */
  payload: Record<string, unknown>
  /** A "Send test" message: never threaded, never pages for real beyond the test. */
  test?: boolean
}

/** What the outbox remembers per (destination, subject) between sends. */
export interface ChannelThreadState {
  externalId: string
  data?: Record<string, string>
}

export type SendOutcome =
  /** Sent. `thread` is stored (first post) or replaced (edit moved it); `statusCode`/`detail` go to the log. */
  | { ok: true; thread?: ChannelThreadState; statusCode?: number; detail?: string }
  /** Try again later (5xx, timeout, 429 with Retry-After). */
  | { ok: false; retry: true; reason: string; retryAfterMs?: number; statusCode?: number }
  /** The destination itself is gone (revoked token, archived channel, deleted webhook): mark it broken, tell the owner once. */
  | { ok: false; retry: false; broken: true; reason: string; statusCode?: number }
  /** This one message can never be delivered (rejected payload): fail it, keep the destination. */
  | { ok: false; retry: false; broken: false; reason: string; statusCode?: number }

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT'
  url: string
  headers?: Record<string, string>
  body?: string
  signal?: AbortSignal
}

export interface OutboundResponse {
  status: number
  headers: Record<string, string>
  text: string
  latencyMs: number
}

/**
 * HTTP for user-supplied URLs: the same SSRF guard as the ingest (no loopback/private addresses
 * unless the tests-only setting allows them), a timeout and a body cap. Throws on network failure,
 * timeout or a blocked address (the error names which).
 */
export type OutboundHttp = (request: OutboundRequest) => Promise<OutboundResponse>

export interface SendInput<K extends ChannelKind> {
  settings: ChannelSettings[K]
  message: ChannelMessage
  /** The thread to edit or reply to; null for the first message about this subject. */
  thread: ChannelThreadState | null
  http: OutboundHttp
  signal?: AbortSignal
  /**
   * The outbox delivery being sent (absent for "Send test"): `key` is the same on every attempt,
   * `since` is no later than its first attempt, `retry` says an earlier attempt may have reached the
   * service. A service without an idempotency key (Slack) tags what it posts with `key` and, on a
   * retry, looks for that tag before posting again.
   */
  delivery?: { key: string; since: Date; retry: boolean }
}

export interface ChannelSender<K extends ChannelKind> {
  kind: K
  send(input: SendInput<K>): Promise<SendOutcome>
}
