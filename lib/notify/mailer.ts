// What the alert sender needs from the email layer: a batch send under an idempotency key.
// Messages come without a From (the email layer adds the configured one).
import type { BatchResult, EmailMessage } from '@/lib/email/types'

export type { BatchResult, SendFailure as MailerFailure } from '@/lib/email/types'

/** An alert email: always with thread and unsubscribe headers. */
export type OutgoingMail = EmailMessage & { headers: Record<string, string> }

export interface Mailer {
  maxBatch: number
  sendBatch(messages: OutgoingMail[], idempotencyKey: string): Promise<BatchResult>
}
