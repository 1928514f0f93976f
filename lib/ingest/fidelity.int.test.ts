// Fidelity: every real payload in lib/ingest/fixtures goes the way a live one does (fetch ->
// parse -> store -> the vendor JSON of GET /api/v1/vendors/{slug}) and must read as a person
// reading the payload reads it. The expected readings are written by hand from each payload
// (fidelity/expectations.ts), so a parser that misreads a real page fails here.
import { describe, expect, it } from 'vitest'
import { vendorStatusJson } from '@/lib/api/vendor-json'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { MINUTE, useRefreshHarness } from '@/lib/testing/refresh-harness'
import { FIDELITY_CASES, type FidelityCase, type PayloadReading } from './fidelity/expectations'
import { SOURCES } from './sources'
import { readFixture } from '@/lib/testing/source-tests'


// status.io is only read from api.status.io (the source refuses other hosts), so that one host
// is routed to the local server; every other platform takes its URL from the catalog row.
const STATUSIO_API = 'https://api.status.io/'
const STATUSIO_PAGE_ID = '0123456789abcdef01234567'

const refresh = useRefreshHarness({
  owner: 'fidelity',
  start: '2026-01-01T00:00:00Z', // each case sets its capture's time
  timeoutMs: 5_000,
  rewriteUrl: (url, server) => url.replace(STATUSIO_API, `${server.url}/api.status.io/`),
})

function apiUrlFor(c: FidelityCase): string {
  switch (c.platform) {
    case 'statuspage':
    case 'incidentio':
      return `${refresh.server.url}/${c.slug}/api/v2/summary.json`
    case 'statusio':
      return `${STATUSIO_API}1.0/status/${STATUSIO_PAGE_ID}`
    case 'cachet':
      return `${refresh.server.url}/${c.slug}/api/v1/components`
    case 'salesforce':
      return `${refresh.server.url}/${c.slug}/v1/instances/status/preview?childProducts=false`
    default:
      return `${refresh.server.url}/${c.slug}/feed`
  }
}

function serve(c: FidelityCase, apiUrl: string) {
  const endpoints = SOURCES[c.platform].endpoints({ apiUrl, statusPageUrl: `https://${c.slug}.example`, settings: {} })
  for (const [key, file] of Object.entries(c.bodies)) {
    const endpoint = endpoints.find((e) => e.key === key)
    if (!endpoint) throw new Error(`${c.slug}: ${c.platform} has no endpoint "${key}"`)
    const local = endpoint.url.replace(STATUSIO_API, `${refresh.server.url}/api.status.io/`)
    refresh.server.set(new URL(local).pathname, { body: readFixture(file), contentType: file.endsWith('.json') ? 'application/json' : 'application/xml' })
  }
}

async function readThrough(c: FidelityCase) {
  const apiUrl = apiUrlFor(c)
  serve(c, apiUrl)
  await upsertCatalogRows([{ name: c.slug, slug: c.slug, statusPageUrl: `https://${c.slug}.example`, platform: c.platform, apiUrl }])
  const now = new Date(c.checkedAt)
  refresh.setNow(now)
  await refresh.run({ firstVendorSlug: c.slug })
  const detail = await findVendorStatus(c.slug, now)
  if (!detail) throw new Error(`${c.slug}: no vendor`)
  return vendorStatusJson(detail, now, MINUTE)
}

/** The parts of the vendor JSON the hand-written reading covers, in the reading's shape. */
function reading(json: Awaited<ReturnType<typeof readThrough>>, expected: PayloadReading): PayloadReading {
  const byName = new Map(json.components.map((c) => [c.name, c.status]))
  const open = json.incidents.filter((i) => i.resolvedAt === null)
  return {
    status: json.status ?? 'unknown',
    ...(expected.componentCount !== undefined && { componentCount: json.components.length }),
    ...(expected.nonOperationalCount !== undefined && { nonOperationalCount: json.components.filter((c) => c.status !== 'operational').length }),
    ...(expected.components && { components: Object.fromEntries(Object.keys(expected.components).map((n) => [n, byName.get(n) ?? 'absent'])) }),
    ...(expected.openIncidentCount !== undefined && { openIncidentCount: open.length }),
    ...(expected.openIncidents && {
      openIncidents: open
        .map((i) => {
          const wanted = expected.openIncidents?.find((e) => e.title === i.title)
          return wanted && wanted.impact === undefined ? { title: i.title } : { title: i.title, impact: i.impact }
        })
        .sort((a, b) => a.title.localeCompare(b.title)),
    }),
    ...(expected.maintenanceCount !== undefined && { maintenanceCount: json.maintenances.length }),
  } as PayloadReading
}

// Oldest capture first: a later cycle re-checks earlier vendors, which then answer 304 (unchanged).
const cases = [...FIDELITY_CASES].sort((a, b) => a.checkedAt.localeCompare(b.checkedAt))

describe('real payloads read as their readers read them', () => {
  it.each(cases.map((c) => [c.slug, c] as const))('%s', async (_slug, c) => {
    const json = await readThrough(c)
    expect(json.freshness).toBe('fresh')
    const expected = { ...c.expected, openIncidents: c.expected.openIncidents && [...c.expected.openIncidents].sort((a, b) => a.title.localeCompare(b.title)) }
    expect(reading(json, c.expected)).toEqual(expected)
  })
})
