// A secret that exists only inside this server process, for the in-process schedule to call
// the refresh route over loopback. Route handlers can drop cached pages (revalidatePath) and a
// timer callback cannot (./in-process-schedule.ts), so the schedule runs each cycle through the
// same route Vercel Cron calls. The token never leaves the process except in that loopback request.
import { randomBytes, timingSafeEqual } from 'node:crypto'

const TOKEN = Symbol.for('vendorwatch.internalRefreshToken')
const store = globalThis as unknown as Record<symbol, string | undefined>

export function internalRefreshToken(): string {
  return (store[TOKEN] ??= randomBytes(32).toString('hex'))
}

export function isInternalRefreshToken(token: string): boolean {
  const current = store[TOKEN]
  return current !== undefined && token.length === current.length && timingSafeEqual(Buffer.from(token), Buffer.from(current))
}
