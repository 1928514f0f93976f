// A status page whose text holds half of a UTF-16 surrogate pair (a JSON escape such as "\ud83d"
// with no partner, from a hostile or buggy page, or an emoji cut in two upstream) is read like any
// other: the half becomes U+FFFD, as it does in every text column, and the vendor's write goes
// through. PostgreSQL's jsonb refuses such a string, and the vendor's writes send upstream text
// inside JSON (the first read's one-statement insert, change events, read warnings), so without
// care one character failed the vendor's whole check, on every check.
import { beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { db } from '@/lib/db/client'
import { MINUTE, useRefreshHarness } from '@/lib/testing/refresh-harness'
import { readFixture as fixture } from '@/lib/testing/source-tests'

const refresh = useRefreshHarness({ owner: 'ls', start: '2026-11-24T12:00:00Z' })
const { run } = refresh

const summary = fixture('statuspage/github-summary-operational.json')
const page = JSON.parse(summary).page as unknown
type Update = { id: string; body: string; created_at: string; updated_at: string; display_at: string }
const real = (JSON.parse(fixture('statuspage/github-incident-f0mhbz9xn497-30-updates-8-components.json')) as { incident: { name: string; incident_updates: Update[] } }).incident
const HIGH = '\ud83d'
const FIRE = '\u{1F525}'
const cutFire = `Investigating ${FIRE}`.slice(0, -1)

/** The recorded incident, its title ending in a lone high half and its latest update cut inside an emoji. */
const hostile = { ...real, name: `${real.name} ${HIGH}`, incident_updates: real.incident_updates.map((u, i) => (i === 0 ? { ...u, body: `${u.body} ${cutFire}` } : u)) }
const incidentsBody = (incident: unknown, at = page) => JSON.stringify({ page: at, incidents: [incident] })

const serve = (prefix: string, incident: unknown) => {
  refresh.server.set(`/${prefix}/api/v2/summary.json`, { body: summary })
  refresh.server.set(`/${prefix}/api/v2/scheduled-maintenances.json`, { body: JSON.stringify({ page, scheduled_maintenances: [] }) })
  refresh.server.set(`/${prefix}/api/v2/incidents.json`, { body: incidentsBody(incident) })
}

beforeAll(async () => {
  serve('bad', hostile)
  serve('good', real)
  await upsertCatalogRows([
    { name: 'Hostile', slug: 'ls-hostile', statusPageUrl: 'https://status.hostile.example', platform: 'statuspage', apiUrl: `${refresh.server.url}/bad/api/v2/summary.json` },
    { name: 'Clean', slug: 'ls-clean', statusPageUrl: 'https://status.clean.example', platform: 'statuspage', apiUrl: `${refresh.server.url}/good/api/v2/summary.json` },
  ])
})

const incidentOf = (slug: string) =>
  db.incident.findFirstOrThrow({ where: { vendor: { slug } }, include: { updates: { orderBy: { publishedAt: 'desc' } } } })

describe('lone surrogate halves in upstream text', () => {
  it('the page really sends the escapes this test is about', () => {
    expect(incidentsBody(hostile)).toContain('\\ud83d"')
    expect(incidentsBody(hostile)).toContain('Investigating \\ud83d"')
  })

  it("a vendor's first read stores its incidents, the halves as U+FFFD, and fails nothing", async () => {
    const result = await run()
    expect(result.failed).toBe(0)
    const incident = await incidentOf('ls-hostile')
    expect(incident.title).toBe(`${real.name} \ufffd`)
    expect(incident.updates).toHaveLength(real.incident_updates.length)
    expect(incident.updates[0]?.body).toMatch(/ Investigating \ufffd$/)
    expect((await incidentOf('ls-clean')).title).toBe(real.name)
    const source = await db.statusSource.findFirstOrThrow({ where: { vendor: { slug: 'ls-hostile' } } })
    expect([source.consecutiveFailures, source.lastError]).toEqual([0, null])
  })

  let latest: unknown = hostile
  it('a later update with a half in its body and its id is stored and announced', async () => {
    const last = real.incident_updates[0] as Update
    const at = '2026-11-24T12:01:00.000Z'
    const added = { ...last, id: `upd${HIGH}`, body: `Still ${cutFire}`, created_at: at, updated_at: at, display_at: at }
    latest = { ...hostile, incident_updates: [added, ...hostile.incident_updates] }
    refresh.server.set('/bad/api/v2/incidents.json', { body: incidentsBody(latest) })
    await refresh.later(2 * MINUTE)
    const result = await run()
    expect(result.failed).toBe(0)
    const incident = await incidentOf('ls-hostile')
    expect(incident.updates).toHaveLength(real.incident_updates.length + 1)
    expect(incident.updates[0]).toMatchObject({ externalId: 'upd\ufffd', body: 'Still Investigating \ufffd' })
    const events = await db.changeEvent.findMany({ where: { incidentId: incident.id, kind: 'incident_updated' } })
    expect(events.map((e) => e.data)).toContainEqual(expect.objectContaining({ updateExternalId: 'upd\ufffd' }))
  })

  it('the same text read again is no change: what is compared is what was stored', async () => {
    // A new body (the page's own time moved on) so the page is parsed again, not answered by a 304.
    const sent = refresh.server.requests.length
    refresh.server.set('/bad/api/v2/incidents.json', { body: incidentsBody(latest, { ...(page as object), updated_at: '2026-11-24T12:03:00.000Z' }) })
    await refresh.later(2 * MINUTE)
    const result = await run()
    expect(refresh.server.requests.slice(sent)).toContainEqual({ path: '/bad/api/v2/incidents.json', notModified: false })
    expect(result).toMatchObject({ failed: 0, changed: 0, events: 0 })
  })
})
