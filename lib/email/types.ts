// The email layer's vocabulary. Messages are transport-agnostic; a transport (log, Resend) sends
// them one at a time (account emails) or in idempotent batches (alert fan-out).

/** One message, as the rest of the app builds it. */
export interface EmailMessage {
  to: string
  subject: string
  text: string
  html: string
  /** Extra headers: Message-ID / In-Reply-To / References for threads, List-Unsubscribe for alerts. */
  headers?: Record<string, string>
}

export interface OutgoingEmail extends EmailMessage {
  from: string
}

export type SendFailure =
  /** Timeouts, 429, 5xx: send the same batch again later, under the same key. */
  | { kind: 'retry'; message: string; retryAfterMs?: number }
  /** The provider already accepted this key (with other content): it was sent; do not resend. */
  | { kind: 'already_sent'; message: string }
  /** Bad request, bad key, quota: resending cannot help. Recorded for the operator. */
  | { kind: 'permanent'; message: string }

export type BatchResult = { ok: true; providerIds: (string | null)[] } | { ok: false; failure: SendFailure }

export interface EmailTransport {
  /** Largest batch one `sendBatch` call takes. */
  maxBatch: number
  /** Resolves with the transport's message id once accepted; throws when refused. */
  send(message: OutgoingEmail, options?: { idempotencyKey?: string }): Promise<{ id: string }>
  /**
   * Sends up to `maxBatch` messages in one call. The same key with the same messages must never
   * deliver twice (the provider answers with the first result), so a crashed sender can retry.
   */
  sendBatch(messages: OutgoingEmail[], idempotencyKey: string): Promise<BatchResult>
}
