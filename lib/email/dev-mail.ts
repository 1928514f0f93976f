// Development only: the messages the `log` transport wrote, for the /dev/mail pages.
import { readLoggedEmails, type LoggedEmail } from './log-transport'
import { env, isProduction } from '@/lib/env'

/** Null when this is not a development server writing mail to a folder (the pages 404 then). */
export function listDevMail(): LoggedEmail[] | null {
  if (isProduction || env.EMAIL_TRANSPORT !== 'log') return null
  return readLoggedEmails(env.EMAIL_LOG_DIR).reverse()
}
