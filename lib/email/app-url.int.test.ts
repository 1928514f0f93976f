// Links in emails follow the port the server listens on when APP_URL is unset: a server started
// with PORT=3411 must not mail links to localhost:3000, where nothing answers.
import { vi } from 'vitest'

// Before any app module reads the environment (env.ts parses it once, at first import).
vi.hoisted(() => {
  process.env.PORT = '3411'
  delete process.env.APP_URL
})

import { describe, expect, it } from 'vitest'
import { registerAccount } from '@/lib/accounts/sign-up'
import { notifyWatchers } from '@/lib/jobs/notify'
import { db } from '@/lib/db/client'
import { readLoggedEmails } from '@/lib/email/log-transport'
import { env } from '@/lib/env'
import { runNow } from '@/lib/accounts/background'

const clock = new Date('2026-05-01T10:00:00Z')
const mailTo = (to: string) => readLoggedEmails(env.EMAIL_LOG_DIR).filter((m) => m.to === to)

describe('APP_URL unset, PORT=3411', () => {
  it('defaults to the local server on that port', () => {
    expect(env.APP_URL).toBe('http://localhost:3411')
  })

  it('puts that origin in the verification link', async () => {
    await registerAccount({ email: 'port@example.com', password: 'a fine password', timeZone: 'UTC' }, '192.0.2.1', clock, runNow)
    const [mail] = mailTo('port@example.com')
    expect(mail?.text).toMatch(/http:\/\/localhost:3411\/verify\?token=[\w-]+/)
    expect(mail?.text).not.toContain('localhost:3000')
  })

  it('puts that origin in alert, settings and unsubscribe links', async () => {
    const vendor = await db.vendor.create({
      data: { slug: 'acme', name: 'Acme', statusPageUrl: 'https://status.acme.example', source: { create: { platform: 'statuspage', baselineAt: clock } } },
    })
    const incident = await db.incident.create({
      data: { vendorId: vendor.id, externalId: 'inc-1', title: 'Elevated errors', status: 'investigating', impact: 'minor', startedAt: clock, firstSeenAt: clock },
    })
    await db.user.create({ data: { email: 'alerts@example.com', emailVerified: clock, timeZone: 'UTC', watchlist: { create: { vendorId: vendor.id } } } })
    await db.changeEvent.create({
      data: { vendorId: vendor.id, kind: 'incident_opened', dedupeKey: 'app-url:1', incidentId: incident.id, occurredAt: clock, data: { updateExternalId: null, firstSeenOver: false } },
    })

    const result = await notifyWatchers(30_000, () => clock)
    expect(result.sent).toBe(1)
    const [mail] = mailTo('alerts@example.com')
    expect(mail?.text).toContain(`http://localhost:3411/vendors/acme/incidents/${incident.id}`)
    expect(mail?.text).toContain('http://localhost:3411/watchlist/acme')
    expect(mail?.text).toMatch(/http:\/\/localhost:3411\/unsubscribe\?token=[\w.-]+/)
    expect(mail?.headers?.['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3411\/api\/unsubscribe\?token=[\w.-]+>$/)
    expect(`${mail?.text}${mail?.html}`).not.toContain('localhost:3000')
  })
})
