// Issue 19's scenario, end to end with a fake clock: a vendor's probes start failing and reports
// climb at t0; a possible outage opens within one scheduled run; the official incident appears on
// the vendor's page at t0+15 min and the refresh links it (lead 15 min). Then the notifier: one
// watcher opted in to possible outages, one did not.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { medianLeadSeconds } from '@/lib/data/possible-outages'
import { refreshData } from '@/lib/data/refresh-data'
import { signalData } from '@/lib/data/signal-data'
import { db } from '@/lib/db/client'
import { createHttpClient, DEFAULT_HTTP_OPTIONS } from '@/lib/ingest/http'
import { runRefreshCycle } from '@/lib/ingest/refresh'
import { recentProbeChecks } from '@/lib/data/probes'
import { startFakeResend, type FakeResend } from '@/lib/testing/fake-resend'
import { fakeResendMailer, runTestNotifier } from '@/lib/testing/notifier-harness'
import { addProbe, runProbesAt, startProbeStandIn, type ProbeStandIn } from '@/lib/testing/probe-standin'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { evaluatePossibleOutages } from './evaluate'
import { deriveReporterKey } from './reporter-keys'
import { submitProblemReport } from './reports'

const SECRET = 'scenario-test-secret-scenario-test-secret'
const key = deriveReporterKey(SECRET)
const MIN = 60_000
// A quiet hour (no history: the floor of 8 networks decides).
const T0 = new Date('2026-12-02T03:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN)
const fixture = (name: string) => JSON.parse(fs.readFileSync(new URL(`../ingest/fixtures/statuspage/${name}`, import.meta.url), 'utf8'))
const operational = fixture('github-summary-operational.json')

let pages: StatusServer
let api: ProbeStandIn
let fake: FakeResend
const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })

function serve(summary: unknown) {
  const s = summary as { page: unknown; incidents: unknown[] }
  pages.set('/scenario/api/v2/summary.json', { body: JSON.stringify(summary) })
  pages.set('/scenario/api/v2/incidents.json', { body: JSON.stringify({ page: s.page, incidents: s.incidents }) })
  pages.set('/scenario/api/v2/scheduled-maintenances.json', { body: JSON.stringify({ page: s.page, scheduled_maintenances: [] }) })
}

/** The operational page with one new incident published at `publishedAt`. */
function withIncident(publishedAt: Date) {
  const outage = fixture('github-summary-major-outage-35-updates.json')
  const incident = outage.incidents[0]
  const iso = publishedAt.toISOString()
  Object.assign(incident, { id: 'scenario1', created_at: iso, started_at: iso, updated_at: iso })
  incident.incident_updates = incident.incident_updates.slice(-1).map((u: Record<string, unknown>) => ({ ...u, id: 'scenario1-u1', incident_id: 'scenario1', created_at: iso, updated_at: iso, display_at: iso }))
  // The page posts the incident before touching its overall status (common): the refresh's plan
  // then only adds rows, its one-statement write, which must link too.
  return { ...operational, incidents: [incident] }
}

const refresh = (now: Date) =>
  runRefreshCycle(
    { data: refreshData, http, now: () => now, random: () => 0.5, log: () => {} },
    { trigger: 'manual', owner: `scenario-${now.toISOString()}`, concurrency: 1, leaseMs: 5 * MIN, intervalMs: MIN, maxBackoffMs: 30 * MIN, timeBudgetMs: 60_000 },
  )

const evaluate = (now: Date) => evaluatePossibleOutages({ data: { ...signalData, recentProbeChecks }, now: () => now, intervalMs: MIN })

const notify = (now: Date) => runTestNotifier(now, { mailer: fakeResendMailer(fake.url), secret: SECRET })

let vendorId: string

beforeAll(async () => {
  pages = await startStatusServer()
  api = await startProbeStandIn('up')
  fake = await startFakeResend()
  serve(operational)
  await upsertCatalogRows([{ name: 'Scenario', slug: 'scenario', statusPageUrl: 'https://status.scenario.example', platform: 'statuspage', apiUrl: `${pages.url}/scenario/api/v2/summary.json` }])
  vendorId = (await db.vendor.findUniqueOrThrow({ where: { slug: 'scenario' } })).id
  await addProbe(vendorId, api.url)
  await db.user.create({ data: { email: 'early@example.com', emailVerified: T0, watchlist: { create: { vendorId, possibleOutageAlerts: true } } } })
  await db.user.create({ data: { email: 'official-only@example.com', emailVerified: T0, watchlist: { create: { vendorId } } } })
})

afterAll(async () => {
  http.close()
  await pages?.close()
  await api?.close()
  await fake?.close()
})

describe('early warning scenario', () => {
  it('opens in the run at t0, links the official incident at t0+15 min with a 15-minute lead', async () => {
    // Before t0: the first read of the page (a baseline: history, not news), probes fine.
    await refresh(at(-10))
    // The probe runner (the probe slice's, against a local stand-in of the vendor's API) each run.
    for (const m of [-9, -6, -3]) expect((await runProbesAt(at(m))).up).toBe(1)
    expect((await evaluate(at(-3))).opened).toBe(0)

    // The probe starts failing (one check a minute) and reports climb: 12 networks in the 4
    // minutes up to t0, when the probe's third failure in a row lands.
    api.answer({ status: 503 })
    for (const m of [-2, -1, 0]) expect((await runProbesAt(at(m))).down).toBe(1)
    for (let i = 0; i < 12; i++) {
      const outcome = await submitProblemReport({ vendorSlug: 'scenario', clientIp: `203.0.${i}.20`, browserId: `scenario-${String(i).padStart(13, '0')}` }, { now: () => at(-4 + i / 3), key })
      expect(outcome.kind).toBe('accepted')
    }

    // The scheduled run at t0: the refresh reads the page (still operational), then the evaluation.
    await refresh(at(0))
    const run = await evaluate(at(0))
    expect(run.opened).toBe(1)
    const [outage] = await db.possibleOutage.findMany({ where: { vendorId } })
    expect(outage).toMatchObject({ trigger: 'reports+probes', openedAt: at(0), closedAt: null })
    expect(outage?.evidence).toMatchObject({ reports: 12, probesFailing: 1, probesTotal: 1, probeFailStreak: 3 })
    // The run ends with the alerts: the opted-in watcher is warned, the other hears nothing yet.
    await notify(at(0))
    expect(fake.messages.map((m) => [m.to].flat().join())).toEqual(['early@example.com'])

    // t0+15: the vendor's page publishes the incident; the refresh links it in its own write.
    serve(withIncident(at(15)))
    await refresh(at(15))
    await notify(at(15))
    const incident = await db.incident.findFirstOrThrow({ where: { vendorId, externalId: 'scenario1' } })
    const linked = await db.possibleOutage.findUniqueOrThrow({ where: { id: outage!.id } })
    expect(linked).toMatchObject({ openKey: null, closeReason: 'official_incident', incidentId: incident.id, closedAt: at(15), leadSeconds: 15 * 60 })
    const kinds = (await db.changeEvent.findMany({ where: { vendorId }, orderBy: { createdAt: 'asc' } })).map((e) => `${e.kind}@${e.createdAt.toISOString()}`)
    expect(kinds).toContain(`incident_opened@${at(15).toISOString()}`)
    expect(kinds).toContain(`possible_outage_closed@${at(15).toISOString()}`)
    // With the official incident open, nothing new opens.
    expect((await evaluate(at(16))).opened).toBe(0)
    expect(await medianLeadSeconds(vendorId, at(16))).toEqual({ medianSeconds: 15 * 60, measured: 1 })
  })

  it('the opted-in watcher gets a threaded pair of emails, the other only the official alert', async () => {
    // The notifier ran at the end of each scheduled run above: at t0 (the warning), at t0+15 (the
    // incident). A later run sends nothing more (no separate "closed" email: the incident is the follow-up).
    await notify(at(16))
    const to = (address: string) => fake.messages.filter((m) => [m.to].flat().includes(address))
    const early = to('early@example.com')
    const officialOnly = to('official-only@example.com')
    expect(early).toHaveLength(2)
    expect(officialOnly).toHaveLength(1)
    const [warning, confirmed] = early
    expect(warning?.subject).toMatch(/possible outage/i)
    expect(confirmed?.subject).toBe(officialOnly[0]?.subject)
    // The incident's email replies to the warning's thread.
    const warningId = warning?.headers['Message-ID']
    expect(warningId).toBeTruthy()
    expect(confirmed?.headers['In-Reply-To']).toBe(warningId)
    expect(confirmed?.headers.References).toContain(warningId)
    // The other watcher's incident email starts its own thread, as before issue 19.
    expect(officialOnly[0]?.headers['In-Reply-To']).toBeUndefined()
  })
})
