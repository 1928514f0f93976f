// The whole path from a vendor's status page to the reader's inbox, under the races that matter:
// four overlapping refresh cycles, four overlapping notifiers, and a notifier killed between the
// provider accepting a batch and our recording it. PostgreSQL only (PGlite serialises everything).
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { refreshData } from '@/lib/data/refresh-data'
import { db, dbMode } from '@/lib/db/client'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from '@/lib/ingest/http'
import { runRefreshCycle } from '@/lib/ingest/refresh'
import { startFakeResend, type FakeResend } from '@/lib/testing/fake-resend'
import { fakeResendMailer, runTestNotifier } from '@/lib/testing/notifier-harness'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import type { Mailer } from './mailer'

const VENDORS = 6
const READERS = 12
const SECRET = 'pipeline-test-secret-pipeline-test-secret'
const fixture = (name: string) => JSON.parse(fs.readFileSync(new URL(`../ingest/fixtures/statuspage/${name}`, import.meta.url), 'utf8'))
const operational = fixture('github-summary-operational.json')
const outage = fixture('github-summary-major-outage-35-updates.json')

let pages: StatusServer
let fake: FakeResend
const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })
const slug = (i: number) => `pipeline-${i}`

function serve(summary: typeof operational, delayMs = 30) {
  for (let i = 0; i < VENDORS; i++) {
    const base = `/${slug(i)}/api/v2`
    pages.set(`${base}/summary.json`, { body: JSON.stringify(summary), delayMs })
    pages.set(`${base}/incidents.json`, { body: JSON.stringify({ page: summary.page, incidents: summary.incidents }), delayMs })
    pages.set(`${base}/scheduled-maintenances.json`, { body: JSON.stringify({ page: summary.page, scheduled_maintenances: [] }), delayMs })
  }
}

const cycle = (owner: string, now: Date) =>
  runRefreshCycle(
    { data: refreshData, http, now: () => now, random: () => 0.5, log: () => {} },
    { trigger: 'manual', owner, concurrency: 3, leaseMs: 5 * 60_000, intervalMs: 60_000, maxBackoffMs: 30 * 60_000, timeBudgetMs: 60_000 },
  )

// The notifier as the other pipeline tests run it (lib/testing/notifier-harness.ts); only the mailer
// varies here: smaller batches, and one that dies after the provider accepted a batch.
const realMailer = (): Mailer => fakeResendMailer(fake.url)
const notify = (mailer: Mailer, now: Date) => runTestNotifier(now, { mailer, secret: SECRET })

describe.skipIf(dbMode !== 'postgres')('from status page to inbox under concurrency (PostgreSQL)', () => {
  beforeAll(async () => {
    pages = await startStatusServer()
    fake = await startFakeResend()
    serve(operational)
    await upsertCatalogRows(
      Array.from({ length: VENDORS }, (_, i) => ({
        name: `Pipeline ${i}`,
        slug: slug(i),
        statusPageUrl: `https://status.${slug(i)}.example`,
        platform: 'statuspage' as const,
        apiUrl: `${pages.url}/${slug(i)}/api/v2/summary.json`,
      })),
    )
    // Every reader watches every vendor.
    const vendors = await db.vendor.findMany({ where: { slug: { startsWith: 'pipeline-' } } })
    for (let r = 0; r < READERS; r++) {
      await db.user.create({ data: { email: `reader-${r}@example.com`, emailVerified: new Date(), watchlist: { create: vendors.map((v) => ({ vendorId: v.id })) } } })
    }
  })

  afterAll(async () => {
    http.close()
    await pages?.close()
    await fake?.close()
  })

  it('four overlapping cycles, four overlapping notifiers and a crash still give one email per reader per event', async () => {
    // Baseline: nobody is told anything.
    const t0 = new Date()
    await Promise.all(['a', 'b', 'c', 'd'].map((o) => cycle(`base-${o}`, t0)))
    await notify(realMailer(), t0)
    expect(fake.messages).toHaveLength(0)

    // Every vendor opens an incident (recent enough to be news); four cycles race to read it.
    const fresh = structuredClone(outage)
    fresh.incidents[0].started_at = new Date(Date.now() - 10 * 60_000).toISOString()
    fresh.incidents[0].created_at = fresh.incidents[0].started_at
    serve(fresh)
    const t1 = new Date(t0.getTime() + 2 * 60_000)
    const cycles = await Promise.all(['a', 'b', 'c', 'd'].map((o) => cycle(`outage-${o}`, t1)))
    expect(cycles.reduce((n, c) => n + c.checked, 0)).toBe(VENDORS)
    const opened = await db.changeEvent.count({ where: { kind: 'incident_opened', vendor: { slug: { startsWith: 'pipeline-' } } } })
    expect(opened).toBe(VENDORS)

    // One notifier dies after the provider accepted its first batch; three others start while it
    // is sending (batches of 10, so there is work to share) and run alongside.
    const real = realMailer()
    let crashed = false
    let markSending = () => {}
    const sending = new Promise<void>((resolve) => (markSending = resolve))
    const small = (m: Mailer): Mailer => ({ ...m, maxBatch: 10 })
    const crashing: Mailer = {
      maxBatch: 10,
      async sendBatch(messages, key) {
        markSending()
        const result = await real.sendBatch(messages, key)
        if (!crashed) {
          crashed = true
          throw new Error('killed between send and record')
        }
        return result
      },
    }
    const dying = notify(crashing, t1)
    await sending
    await Promise.allSettled([dying, notify(small(realMailer()), t1), notify(small(realMailer()), t1), notify(small(realMailer()), t1)])
    // After the dead notifier's lease runs out, a later run finishes its batch.
    await notify(realMailer(), new Date(t1.getTime() + 5 * 60_000))

    // The alerting events are the six incident openings (component changes alert nobody by default).
    expect(fake.messages).toHaveLength(READERS * opened)
    const perReader = new Map<string, number>()
    for (const m of fake.messages) perReader.set(String(m.to), (perReader.get(String(m.to)) ?? 0) + 1)
    expect(perReader.size).toBe(READERS)
    expect([...perReader.values()].every((n) => n === opened)).toBe(true)
    expect(new Set(fake.messages.map((m) => `${m.to}|${m.subject}`)).size).toBe(fake.messages.length)
    expect(await db.delivery.count({ where: { status: { not: 'sent' } } })).toBe(0)
    expect(crashed).toBe(true)
  }, 90_000)
})
