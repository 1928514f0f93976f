// The one way the app sends email. Callers build a message (lib/email/messages.ts for account
// emails, lib/notify for alerts) and hand it here; which transport carries it is configuration
// (EMAIL_TRANSPORT: `resend` in production, `log` for development). A failed single send throws:
// callers decide whether that fails the request or is retried.
import { env, isProduction } from '@/lib/env'
import type { Mailer } from '@/lib/notify/mailer'
import { createLogTransport } from './log-transport'
import { createResendTransport } from './resend-transport'
import type { EmailMessage, EmailTransport } from './types'

export type { EmailMessage } from './types'

let transport: EmailTransport | undefined

function currentTransport(): EmailTransport {
  if (transport) return transport
  switch (env.EMAIL_TRANSPORT) {
    case 'resend':
      // env.ts guarantees the key is set when the transport is resend.
      transport = createResendTransport({ apiKey: env.RESEND_API_KEY ?? '', baseUrl: env.RESEND_BASE_URL })
      break
    case 'log':
      transport = createLogTransport(env.EMAIL_LOG_DIR, { warn: isProduction })
      break
  }
  return transport
}

export async function sendEmail(message: EmailMessage, options?: { idempotencyKey?: string }): Promise<{ id: string }> {
  return currentTransport().send({ ...message, from: env.EMAIL_FROM }, options)
}

/** The alert sender's view of the configured transport. */
export function alertMailer(): Mailer {
  return mailerOver(currentTransport(), env.EMAIL_FROM)
}

/** A transport as the alert sender sees it: the From is added here, as for every email. */
export function mailerOver(t: EmailTransport, from: string): Mailer {
  return { maxBatch: t.maxBatch, sendBatch: (messages, key) => t.sendBatch(messages.map((m) => ({ ...m, from })), key) }
}
