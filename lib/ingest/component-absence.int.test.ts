// Issue 14 #3 end to end: absence is not removal. incident.io's compatible summary lists 25
// components, a different 25 each time; the two recorded OpenAI captures (fixtures/incidentio,
// SOURCES.md) share 15 of their 35 components. Read one after the other they must add up, never
// remove. A complete list (the widget's structure) removes a component only after it has been
// missing for a day (COMPONENT_REMOVAL_AFTER_MS), and a widget that does not parse degrades to
// the compatible reading instead of failing the vendor.
import { beforeEach, describe, expect, it } from 'vitest'
import { vendorStatusJson } from '@/lib/api/vendor-json'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { db } from '@/lib/db/client'
import { resetDatabase } from '@/lib/testing/reset-database'
import { COMPONENT_REMOVAL_AFTER_MS } from './diff-components'
import { MINUTE, useRefreshHarness } from '@/lib/testing/refresh-harness'
import { readFixture } from '@/lib/testing/source-tests'

const captureJuly = readFixture('incidentio/openai-summary-statuspage-compat.json')
const captureSeptember = readFixture('incidentio/openai-compat-summary-2-open-incidents.json')
const widget = readFixture('incidentio/synthetic-widget-proxy-grouped-outage.json')
/** incident.io's widget lives at /proxy/<host> of the summary's host (incidentioWidgetUrl). */
const widgetPath = () => `/proxy/${new URL(refresh.server.url).host}`
const idsOf = (body: string) => (JSON.parse(body) as { components: { id: string }[] }).components.map((c) => c.id)

const START = '2026-11-24T12:00:00Z'
const refresh = useRefreshHarness({ owner: 'absence', start: START })
const { run, later } = refresh
const listed = async () => {
  const detail = await findVendorStatus('openai', refresh.now())
  if (!detail) throw new Error('no vendor')
  return vendorStatusJson(detail, refresh.now(), MINUTE)
}

beforeEach(async () => {
  await resetDatabase()
  refresh.setNow(START)
  for (const path of ['/oa/api/v2/summary.json', widgetPath()]) refresh.server.remove(path)
  await upsertCatalogRows([
    { name: 'OpenAI', slug: 'openai', statusPageUrl: 'https://status.openai.com', platform: 'incidentio', apiUrl: `${refresh.server.url}/oa/api/v2/summary.json` },
  ])
})

describe('absence is not removal', () => {
  it('adds up the sampled component lists of two real OpenAI captures and removes none, even days later', async () => {
    refresh.server.set('/oa/api/v2/summary.json', { body: captureJuly })
    expect((await run()).failed).toBe(0)
    refresh.server.set('/oa/api/v2/summary.json', { body: captureSeptember })
    await later(2 * MINUTE)
    expect((await run()).failed).toBe(0)

    const union = new Set([...idsOf(captureJuly), ...idsOf(captureSeptember)])
    expect(union.size).toBe(35)
    const rows = await db.component.findMany({ where: { vendor: { slug: 'openai' } } })
    expect(new Set(rows.map((r) => r.externalId))).toEqual(union)
    expect(rows.filter((r) => r.removedAt !== null || r.absentSince !== null)).toEqual([])

    // Two days of samples without some of them: a sample proves no absence.
    refresh.server.set('/oa/api/v2/summary.json', { body: captureJuly })
    await later(2 * COMPONENT_REMOVAL_AFTER_MS)
    expect((await run()).failed).toBe(0)
    expect(await db.component.count({ where: { vendor: { slug: 'openai' }, removedAt: null } })).toBe(35)
    expect((await listed()).components).toHaveLength(35)
  })

  it('removes a component missing from the widget\'s complete list only after a day', async () => {
    refresh.server.set('/oa/api/v2/summary.json', { body: captureJuly })
    refresh.server.set(widgetPath(), { body: widget })
    expect((await run()).failed).toBe(0)
    expect((await listed()).components.find((c) => c.name === 'Voice mode')?.group).toBe('ChatGPT')

    // The page drops Voice mode: from its "ChatGPT" group and from its component list.
    const raw = JSON.parse(widget) as {
      summary: { components: { name: string }[]; structure: { items: { group?: { name: string; components?: { name?: string }[] } }[] } }
    }
    raw.summary.components = raw.summary.components.filter((c) => c.name !== 'Voice mode')
    for (const item of raw.summary.structure.items) {
      if (item.group?.components) item.group.components = item.group.components.filter((c) => c.name !== 'Voice mode')
    }
    refresh.server.set(widgetPath(), { body: JSON.stringify(raw) })
    await later(MINUTE)
    await run()
    expect((await listed()).components.map((c) => c.name)).toContain('Voice mode')
    const missingSince = refresh.now()
    expect((await db.component.findFirstOrThrow({ where: { name: 'Voice mode' } })).absentSince).toEqual(missingSince)

    await later(COMPONENT_REMOVAL_AFTER_MS - 2 * MINUTE)
    refresh.server.set(widgetPath(), { body: JSON.stringify({ ...raw, tick: 1 }) }) // new bytes: read again
    await run()
    expect((await listed()).components.map((c) => c.name)).toContain('Voice mode')

    await later(2 * MINUTE)
    refresh.server.set(widgetPath(), { body: JSON.stringify({ ...raw, tick: 2 }) })
    await run()
    expect((await listed()).components.map((c) => c.name)).not.toContain('Voice mode')
    expect((await db.component.findFirstOrThrow({ where: { name: 'Voice mode' } })).removedAt).toEqual(refresh.now())
  })

  it('degrades to the compatible reading when the widget does not parse: no failure, nothing removed or regrouped', async () => {
    refresh.server.set('/oa/api/v2/summary.json', { body: captureJuly })
    refresh.server.set(widgetPath(), { body: widget })
    await run()
    const before = (await listed()).components

    refresh.server.set(widgetPath(), { body: JSON.stringify({ summary: { structure: 'redesigned' } }) })
    await later(2 * COMPONENT_REMOVAL_AFTER_MS)
    expect((await run()).failed).toBe(0)
    const after = await listed()
    expect(after.readWarnings).toEqual([{ kind: 'incident.io widget', count: 1 }])
    // Every component the widget had listed is still there, under the same group.
    for (const c of before) expect(after.components).toContainEqual(expect.objectContaining({ id: c.id, group: c.group }))
  })
})
