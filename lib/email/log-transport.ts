// The `log` transport: every message becomes a JSON file in a folder instead of leaving the
// machine. For development (the /dev/mail page lists them) and for tests; in production it says
// so loudly, because nobody receives anything. Batches honour their idempotency key like Resend:
// a key seen before answers with the first result and writes nothing.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { withSafeHeaders } from './header-text'
import type { EmailTransport, OutgoingEmail } from './types'

export interface LoggedEmail extends OutgoingEmail {
  id: string
  sentAt: string
}

export function createLogTransport(dir: string, options: { warn?: boolean } = {}): EmailTransport {
  let warned = !options.warn
  const write = async (message: OutgoingEmail): Promise<string> => {
    if (!warned) {
      warned = true
      console.warn(`[email] EMAIL_TRANSPORT=log: messages are written to ${path.resolve(dir)}, not sent.`)
    }
    const sentAt = new Date()
    // Sortable by name: time first, then randomness for messages within the same millisecond.
    const id = `${sentAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`
    // The same header rules as Resend's payload, so development shows what production sends.
    const logged: LoggedEmail = { id, sentAt: sentAt.toISOString(), ...withSafeHeaders(message) }
    await fs.promises.mkdir(dir, { recursive: true })
    await fs.promises.writeFile(path.join(dir, `${id}.json`), JSON.stringify(logged, null, 2))
    return id
  }
  const keyFile = (key: string) => path.join(dir, 'idempotency', `${key.replace(/[^\w-]/g, '_')}.json`)
  const remembered = (key: string): string[] | null => {
    try {
      return JSON.parse(fs.readFileSync(keyFile(key), 'utf8')) as string[]
    } catch {
      return null
    }
  }
  const remember = async (key: string, ids: string[]) => {
    await fs.promises.mkdir(path.dirname(keyFile(key)), { recursive: true })
    await fs.promises.writeFile(keyFile(key), JSON.stringify(ids))
  }
  return {
    maxBatch: 100,
    async send(message, options) {
      const seen = options?.idempotencyKey ? remembered(options.idempotencyKey) : null
      if (seen?.[0]) return { id: seen[0] }
      const id = await write(message)
      if (options?.idempotencyKey) await remember(options.idempotencyKey, [id])
      return { id }
    },
    async sendBatch(messages, idempotencyKey) {
      const seen = remembered(idempotencyKey)
      if (seen) return { ok: true, providerIds: seen }
      const ids: string[] = []
      for (const m of messages) ids.push(await write(m))
      await remember(idempotencyKey, ids)
      return { ok: true, providerIds: ids }
    },
  }
}

/** The messages in a log folder, oldest first. */
export function readLoggedEmails(dir: string): LoggedEmail[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as LoggedEmail)
}
