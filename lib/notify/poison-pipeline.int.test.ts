// One vendor's status page publishes bodies that used to overflow the Markdown renderer's stack or
// hold the event loop for seconds. Through the real path (ingest -> vendor and incident page ->
// feed.atom -> alert email) nothing throws, and the alerts of readers of other vendors, sent in the
// same batch, go out.
import fs from 'node:fs'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as feedAtom } from '@/app/vendors/[slug]/feed.atom/route'
import { UpstreamText } from '@/components/vendors/upstream-text'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { refreshData } from '@/lib/data/refresh-data'
import { findIncident } from '@/lib/data/vendor-history'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { db } from '@/lib/db/client'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from '@/lib/ingest/http'
import { runRefreshCycle } from '@/lib/ingest/refresh'
import { startFakeResend, type FakeResend } from '@/lib/testing/fake-resend'
import { fakeResendMailer, runTestNotifier } from '@/lib/testing/notifier-harness'
import { POISON_BODIES } from '@/lib/testing/poison-bodies'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'

const SECRET = 'poison-pipeline-secret-poison-pipeline-secret'
const fixture = (name: string) => JSON.parse(fs.readFileSync(new URL(`../ingest/fixtures/statuspage/${name}`, import.meta.url), 'utf8'))
const operational = fixture('github-summary-operational.json')
const outage = fixture('github-summary-major-outage-35-updates.json')
const t0 = new Date('2026-03-10T09:00:00Z')
const t1 = new Date(t0.getTime() + 2 * 60_000)

let pages: StatusServer
let fake: FakeResend
const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })

function serve(slug: string, summary: typeof operational) {
  const base = `/${slug}/api/v2`
  pages.set(`${base}/summary.json`, { body: JSON.stringify(summary) })
  pages.set(`${base}/incidents.json`, { body: JSON.stringify({ page: summary.page, incidents: summary.incidents }) })
  pages.set(`${base}/scheduled-maintenances.json`, { body: JSON.stringify({ page: summary.page, scheduled_maintenances: [] }) })
}

/** The outage, recent at t1, with its update bodies replaced by `bodies` (newest first, cycled). */
function outageSaying(bodies: string[]) {
  const page = structuredClone(outage)
  const incident = page.incidents[0]
  incident.started_at = new Date(t1.getTime() - 10 * 60_000).toISOString()
  incident.created_at = incident.started_at
  incident.incident_updates.forEach((u: { body: string }, i: number) => (u.body = bodies[i % bodies.length] as string))
  return page
}

const cycle = (now: Date) =>
  runRefreshCycle(
    { data: refreshData, http, now: () => now, random: () => 0.5, log: () => {} },
    { trigger: 'manual', owner: `poison-${now.getTime()}`, concurrency: 2, leaseMs: 5 * 60_000, intervalMs: 60_000, maxBackoffMs: 30 * 60_000, timeBudgetMs: 60_000 },
  )

const notify = (now: Date) => runTestNotifier(now, { mailer: fakeResendMailer(fake.url), secret: SECRET })

beforeAll(async () => {
  pages = await startStatusServer()
  fake = await startFakeResend()
  for (const slug of ['poisoned', 'calm']) serve(slug, operational)
  await upsertCatalogRows(
    ['poisoned', 'calm'].map((slug) => ({
      name: slug === 'poisoned' ? 'Poisoned' : 'Calm',
      slug,
      statusPageUrl: `https://status.${slug}.example`,
      platform: 'statuspage' as const,
      apiUrl: `${pages.url}/${slug}/api/v2/summary.json`,
    })),
  )
  const [poisoned, calm] = await Promise.all(['poisoned', 'calm'].map((slug) => db.vendor.findUniqueOrThrow({ where: { slug } })))
  const reader = (email: string, vendors: { id: string }[]) =>
    db.user.create({ data: { email, emailVerified: t0, timeZone: 'UTC', watchlist: { create: vendors.map((v) => ({ vendorId: v.id })) } } })
  await reader('victim@example.com', [poisoned as { id: string }])
  await reader('bystander@example.com', [calm as { id: string }])
  await reader('both@example.com', [poisoned as { id: string }, calm as { id: string }])
})

afterAll(async () => {
  http.close()
  await pages?.close()
  await fake?.close()
})

describe('poison payloads from a status page fail alone', () => {
  it('are ingested, shown on the pages and in the feed, and mailed, while other alerts in the batch go out', async () => {
    await cycle(t0) // baseline: nobody is told anything
    serve('poisoned', outageSaying(POISON_BODIES.map(([, body]) => body)))
    serve('calm', outageSaying(['We are investigating elevated error rates.']))
    const refreshed = await cycle(t1)
    expect(refreshed.checked).toBe(2)
    const incidents = await db.incident.findMany({ where: { vendor: { slug: 'poisoned' } }, include: { updates: true } })
    expect(incidents).toHaveLength(1)
    const stored = new Set(incidents[0]?.updates.map((u) => u.body))
    for (const [, body] of POISON_BODIES) expect(stored.has(body.trim())).toBe(true)

    // The vendor page and the incident page: every update as the page renders it.
    const status = await findVendorStatus('poisoned', t1)
    expect(status).not.toBeNull()
    const incident = await findIncident('poisoned', incidents[0]?.id as string)
    const bodies = [...(status?.openIncidents.flatMap((i) => i.updates.map((u) => u.body)) ?? []), ...(incident?.updates.map((u) => u.body) ?? [])]
    expect(bodies.length).toBeGreaterThanOrEqual(POISON_BODIES.length)
    for (const body of bodies) {
      const html = renderToStaticMarkup(createElement(UpstreamText, { body }))
      expect(html.length).toBeLessThan(200_000)
    }

    // feed.atom answers 200 with every entry.
    const started = performance.now()
    const feed = await feedAtom(new Request('https://vw.example/vendors/poisoned/feed.atom'), { params: Promise.resolve({ slug: 'poisoned' }) })
    const feedMs = performance.now() - started
    expect(feed.status).toBe(200)
    const xml = await feed.text()
    expect(xml).toContain('<entry>')
    expect(xml).toContain('Truncated')
    console.log(`[poison] feed.atom with ${POISON_BODIES.length} poison bodies: ${feedMs.toFixed(0)} ms`)

    // One notifier run: all four alerts (two readers of one vendor, two of the other) in one batch.
    const result = await notify(t1)
    expect(result).toMatchObject({ sent: 4, failed: 0, retrying: 0 })
    const to = (email: string) => fake.messages.filter((m) => m.to === email)
    expect(to('victim@example.com')).toHaveLength(1)
    expect(to('bystander@example.com')).toHaveLength(1)
    expect(to('both@example.com')).toHaveLength(2)
    expect(to('bystander@example.com')[0]?.text).toContain('We are investigating elevated error rates.')
    expect(to('victim@example.com')[0]?.text?.length).toBeLessThan(100_000)
    expect(await db.delivery.count({ where: { status: { not: 'sent' } } })).toBe(0)
  }, 120_000)
})
