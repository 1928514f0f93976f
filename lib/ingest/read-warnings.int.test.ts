// Issue 14 #1 end to end: a page with one unreadable incident is read (not failed), the vendor is
// recorded as read *with warnings*, and the operator sees kind and count in /api/health's report
// and the vendor JSON; a clean read clears them.
import { beforeAll, describe, expect, it } from 'vitest'
import { vendorStatusJson } from '@/lib/api/vendor-json'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { buildHealthReport } from '@/lib/data/health'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { db } from '@/lib/db/client'
import { MINUTE, useRefreshHarness } from '@/lib/testing/refresh-harness'
import { readFixture as fixture } from '@/lib/testing/source-tests'

const refresh = useRefreshHarness({ owner: 'warn', start: '2026-11-24T12:00:00Z' })
const { run } = refresh

const summary = fixture('statuspage/github-summary-operational.json')
const page = JSON.parse(summary).page as unknown
const real = (JSON.parse(fixture('statuspage/github-incident-f0mhbz9xn497-30-updates-8-components.json')) as { incident: Record<string, unknown> }).incident
const incidents = (list: unknown[]) => JSON.stringify({ page, incidents: list })

beforeAll(async () => {
  refresh.server.set('/gh/api/v2/summary.json', { body: summary })
  refresh.server.set('/gh/api/v2/scheduled-maintenances.json', { body: JSON.stringify({ page, scheduled_maintenances: [] }) })
  // One real incident and one whose name is null (seen on real Statuspage pages).
  refresh.server.set('/gh/api/v2/incidents.json', { body: incidents([real, { ...real, id: 'nullname1', name: null }]) })
  await upsertCatalogRows([
    { name: 'GitHub', slug: 'gh-warn', statusPageUrl: 'https://www.githubstatus.com', platform: 'statuspage', apiUrl: `${refresh.server.url}/gh/api/v2/summary.json` },
  ])
})

describe('read with warnings', () => {
  it('reads the vendor, keeps the readable incident, and shows the operator what was left out', async () => {
    const summary = await run()
    expect(summary.failed).toBe(0)
    const source = await db.statusSource.findFirstOrThrow({ where: { vendor: { slug: 'gh-warn' } } })
    expect(source.consecutiveFailures).toBe(0)
    expect(source.readWarnings).toEqual([expect.objectContaining({ kind: 'statuspage incident', count: 1 })])
    expect(await db.incident.count({ where: { vendor: { slug: 'gh-warn' } } })).toBe(1)

    const detail = await findVendorStatus('gh-warn', refresh.now())
    if (!detail) throw new Error('no vendor')
    const json = vendorStatusJson(detail, refresh.now(), MINUTE)
    expect(json.status).toBe('operational')
    expect(json.lastError).toBeNull()
    expect(json.readWarnings).toEqual([{ kind: 'statuspage incident', count: 1 }])

    const health = await buildHealthReport(refresh.now(), MINUTE)
    expect(health.vendors?.readWithWarnings).toBe(1)
    expect(health.readWarnings).toEqual([{ vendor: 'gh-warn', warnings: [expect.objectContaining({ kind: 'statuspage incident', count: 1 })] }])
  })

  it('clears the warnings once the page reads cleanly again', async () => {
    refresh.server.set('/gh/api/v2/incidents.json', { body: incidents([real]) })
    refresh.setNow(new Date(refresh.now().getTime() + 2 * MINUTE))
    await run()
    const source = await db.statusSource.findFirstOrThrow({ where: { vendor: { slug: 'gh-warn' } } })
    expect(source.readWarnings).toBeNull()
    const detail = await findVendorStatus('gh-warn', refresh.now())
    if (!detail) throw new Error('no vendor')
    expect(vendorStatusJson(detail, refresh.now(), MINUTE).readWarnings).toEqual([])
    expect((await buildHealthReport(refresh.now(), MINUTE)).vendors?.readWithWarnings).toBe(0)
  })
})
