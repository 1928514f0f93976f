// Platform drift end to end: a vendor catalogued as Statuspage whose page starts answering like
// incident.io (the recorded OpenAI compatible summary) is still read, never shown as an outage;
// the operator sees "source changed" in /api/health and the vendor JSON, the public page says the
// status may be out of date; when the page answers as Statuspage again, the note goes.
import { beforeEach, describe, expect, it } from 'vitest'
import { vendorStatusJson } from '@/lib/api/vendor-json'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { buildHealthReport } from '@/lib/data/health'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { db } from '@/lib/db/client'
import { loadVendorPage } from '@/lib/pages/vendor-page'
import { resetDatabase } from '@/lib/testing/reset-database'
import { MINUTE, useRefreshHarness } from '@/lib/testing/refresh-harness'
import { readFixture } from '@/lib/testing/source-tests'

const github = readFixture('statuspage/github-summary-operational.json')
const openai = readFixture('incidentio/openai-summary-statuspage-compat.json')

const START = '2026-11-24T12:00:00Z'
const refresh = useRefreshHarness({ owner: 'drift', start: START })
const { run, later } = refresh
const vendorJson = async () => {
  const detail = await findVendorStatus('moved', refresh.now())
  if (!detail) throw new Error('no vendor')
  return vendorStatusJson(detail, refresh.now(), MINUTE)
}

beforeEach(async () => {
  await resetDatabase()
  refresh.setNow(START)
  refresh.server.set('/mv/api/v2/summary.json', { body: github })
  refresh.server.set('/mv/api/v2/incidents.json', { body: JSON.stringify({ page: JSON.parse(github).page as unknown, incidents: [] }) })
  refresh.server.set('/mv/api/v2/scheduled-maintenances.json', { body: JSON.stringify({ page: JSON.parse(github).page as unknown, scheduled_maintenances: [] }) })
  await upsertCatalogRows([{ name: 'Moved', slug: 'moved', statusPageUrl: 'https://status.moved.example', platform: 'statuspage', apiUrl: `${refresh.server.url}/mv/api/v2/summary.json` }])
})

describe('platform drift', () => {
  it('a Statuspage page answering like incident.io: read, not an outage, "source changed" for the operator, "may be out of date" in public', async () => {
    await run()
    expect((await vendorJson()).sourceChange).toBeNull()
    expect((await loadVendorPage('moved', refresh.now(), MINUTE))?.sourceChanged).toBe(false)

    refresh.server.set('/mv/api/v2/summary.json', { body: openai })
    await later(2 * MINUTE)
    const movedAt = refresh.now()
    expect((await run()).failed).toBe(0)
    const json = await vendorJson()
    expect(json.status).toBe('operational') // what the page says: all operational, never a made-up outage
    expect(json.freshness).toBe('fresh')
    expect(json.sourceChange).toEqual({ kind: 'signature', detail: 'answers like incidentio, catalogued as statuspage', since: movedAt.toISOString() })
    const health = await buildHealthReport(refresh.now(), MINUTE)
    expect(health.sourceChanged).toEqual([{ vendor: 'moved', kind: 'signature', detail: 'answers like incidentio, catalogued as statuspage', since: movedAt.toISOString() }])
    expect(health.status).toBe('ok')
    expect((await loadVendorPage('moved', refresh.now(), MINUTE))?.sourceChanged).toBe(true)
    // Read by Statuspage's rules, the sample proves no absence: GitHub's components are not on the way out.
    expect(await db.component.count({ where: { vendor: { slug: 'moved' }, OR: [{ absentSince: { not: null } }, { removedAt: { not: null } }] } })).toBe(0)

    // Still answering like incident.io a while later: the note keeps its first sighting.
    refresh.server.set('/mv/api/v2/summary.json', { body: openai.replace('"Images"', '"Images "') })
    await later(2 * MINUTE)
    await run()
    expect((await vendorJson()).sourceChange?.since).toBe(movedAt.toISOString())

    // Back on Statuspage: the note goes.
    refresh.server.set('/mv/api/v2/summary.json', { body: github })
    await later(2 * MINUTE)
    await run()
    expect((await vendorJson()).sourceChange).toBeNull()
    expect((await buildHealthReport(refresh.now(), MINUTE)).sourceChanged).toEqual([])
    expect((await loadVendorPage('moved', refresh.now(), MINUTE))?.sourceChanged).toBe(false)
  })

  it('a page that no longer parses because it moved: failed (stale), with the reason for the operator, never an outage', async () => {
    await run()
    // Instatus's answer where Statuspage's summary was: not a Statuspage payload at all.
    refresh.server.set('/mv/api/v2/summary.json', { body: readFixture('instatus/wistia-summary-up-doc-sample.json') })
    await later(2 * MINUTE)
    expect((await run()).failed).toBe(1)
    const json = await vendorJson()
    expect(json.status).toBe('operational') // the last status read, shown as possibly out of date
    expect(json.sourceChange).toMatchObject({ kind: 'signature', detail: 'answers like instatus, catalogued as statuspage' })
  })
})
