// Fidelity: every real payload in lib/ingest/fixtures goes the way a live one does (fetch ->
// parse -> store -> the vendor JSON of GET /api/v1/vendors/{slug}) and must read as a person
// reading the payload reads it. The expected readings are written by hand from each payload
// (fidelity/expectations.ts), so a parser that misreads a real page fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vendorStatusJson } from '@/lib/api/vendor-json'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { refreshData } from '@/lib/data/refresh-data'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { FIDELITY_CASES, type FidelityCase, type PayloadReading } from './fidelity/expectations'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, type HttpClient } from './http'
import { runRefreshCycle } from './refresh'
import { SOURCES } from './sources'
import { readFixture } from '@/lib/testing/source-tests'

const MINUTE = 60_000

// status.io is only read from api.status.io (the source refuses other hosts), so that one host
// is routed to the local server; every other platform takes its URL from the catalog row.
const STATUSIO_API = 'https://api.status.io/'
const STATUSIO_PAGE_ID = '0123456789abcdef01234567'

let server: StatusServer
let real: HttpClient
let http: HttpClient
let cycle = 0

function apiUrlFor(c: FidelityCase): string {
  switch (c.platform) {
    case 'statuspage':
    case 'incidentio':
      return `${server.url}/${c.slug}/api/v2/summary.json`
    case 'statusio':
      return `${STATUSIO_API}1.0/status/${STATUSIO_PAGE_ID}`
    case 'cachet':
      return `${server.url}/${c.slug}/api/v1/components`
    case 'salesforce':
      return `${server.url}/${c.slug}/v1/instances/status/preview?childProducts=false`
    default:
      return `${server.url}/${c.slug}/feed`
  }
}

function serve(c: FidelityCase, apiUrl: string) {
  const endpoints = SOURCES[c.platform].endpoints({ apiUrl, statusPageUrl: `https://${c.slug}.example`, settings: {} })
  for (const [key, file] of Object.entries(c.bodies)) {
    const endpoint = endpoints.find((e) => e.key === key)
    if (!endpoint) throw new Error(`${c.slug}: ${c.platform} has no endpoint "${key}"`)
    const local = endpoint.url.replace(STATUSIO_API, `${server.url}/api.status.io/`)
    server.set(new URL(local).pathname, { body: readFixture(file), contentType: file.endsWith('.json') ? 'application/json' : 'application/xml' })
  }
}

async function readThrough(c: FidelityCase) {
  const apiUrl = apiUrlFor(c)
  serve(c, apiUrl)
  await upsertCatalogRows([{ name: c.slug, slug: c.slug, statusPageUrl: `https://${c.slug}.example`, platform: c.platform, apiUrl }])
  const now = new Date(c.checkedAt)
  await runRefreshCycle(
    { data: refreshData, http, now: () => now, random: () => 0.5, log: () => {} },
    {
      trigger: 'manual',
      owner: `fidelity-${++cycle}`,
      concurrency: 1,
      leaseMs: 5 * MINUTE,
      intervalMs: MINUTE,
      maxBackoffMs: 30 * MINUTE,
      timeBudgetMs: 10 * MINUTE,
      firstVendorSlug: c.slug,
    },
  )
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

beforeAll(async () => {
  server = await startStatusServer()
  real = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, timeoutMs: 5_000, connectTimeoutMs: 1_000, allowPrivateNetwork: true })
  http = {
    fetchText: (url, options) => real.fetchText(url.replace(STATUSIO_API, `${server.url}/api.status.io/`), options),
    close: () => real.close(),
  }
})

afterAll(async () => {
  http.close()
  await server.close()
})

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
