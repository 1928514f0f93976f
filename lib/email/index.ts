// The one way the app sends email. Callers build a message (lib/email/messages.ts) and call
// sendEmail; which transport carries it is configuration (EMAIL_TRANSPORT). A failed send
// throws: callers decide whether that fails the request or is retried.
import { env, isProduction } from '@/lib/env'
import { createLogTransport } from './log-transport'
import type { EmailMessage, EmailTransport } from './types'

export type { EmailMessage } from './types'

let transport: EmailTransport | undefined

function currentTransport(): EmailTransport {
  switch (env.EMAIL_TRANSPORT) {
    case 'log':
      transport ??= createLogTransport(env.EMAIL_LOG_DIR, { warn: isProduction })
      return transport
  }
}

export async function sendEmail(message: EmailMessage): Promise<{ id: string }> {
  return currentTransport().send({ ...message, from: env.EMAIL_FROM })
}
