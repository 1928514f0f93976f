// The `log` transport: every message becomes a JSON file in a folder instead of leaving the
// machine. For development and tests (the e2e suite reads links out of these files); in
// production it says so loudly, because nobody receives anything.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { EmailTransport, OutgoingEmail } from './types'

export interface LoggedEmail extends OutgoingEmail {
  id: string
  sentAt: string
}

export function createLogTransport(dir: string, options: { warn?: boolean } = {}): EmailTransport {
  let warned = !options.warn
  return {
    async send(message) {
      if (!warned) {
        warned = true
        console.warn(`[email] EMAIL_TRANSPORT=log: messages are written to ${path.resolve(dir)}, not sent.`)
      }
      const sentAt = new Date()
      // Sortable by name: time first, then randomness for messages within the same millisecond.
      const id = `${sentAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`
      const logged: LoggedEmail = { id, sentAt: sentAt.toISOString(), ...message }
      await fs.promises.mkdir(dir, { recursive: true })
      await fs.promises.writeFile(path.join(dir, `${id}.json`), JSON.stringify(logged, null, 2))
      return { id }
    },
  }
}

/** The messages in a log folder, oldest first (tests read links from them). */
export function readLoggedEmails(dir: string): LoggedEmail[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as LoggedEmail)
}
