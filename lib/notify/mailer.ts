// What the sender needs from an email provider: send up to `maxBatch` messages in one call under
// an idempotency key, and say plainly how a failure should be treated.
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html: string
  /** Message-ID, In-Reply-To, References, List-Unsubscribe, List-Unsubscribe-Post. */
  headers: Record<string, string>
}

export type MailerFailure =
  /** Timeouts, 429, 5xx: try the same batch again later, under the same key. */
  | { kind: 'retry'; message: string; retryAfterMs?: number }
  /** The provider already accepted this key (with other content): it was sent, do not resend. */
  | { kind: 'already_sent'; message: string }
  /** Bad request, bad key, quota: resending cannot help. Recorded for the operator. */
  | { kind: 'permanent'; message: string }

export type BatchResult = { ok: true; providerIds: (string | null)[] } | { ok: false; failure: MailerFailure }

export interface Mailer {
  /** Largest batch the provider takes in one call. */
  maxBatch: number
  sendBatch(messages: OutgoingMail[], idempotencyKey: string): Promise<BatchResult>
}
