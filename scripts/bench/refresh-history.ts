// History growth for `npm run bench:refresh -- --history-days 365`: what a year of 2,000 vendors
// checked every minute leaves in the database, added to the benchmark's own vendors after their
// baseline, in a few set-based statements (a year takes about a minute here, not a year):
//   - one RefreshRun per minute (525,600 a year): the refresh's own record;
//   - per vendor one resolved incident a week, with 4 updates, one affected component, the
//     component's two status changes (degraded, operational again) and 4 change events (fanned out).
// Checks themselves leave nothing else: an unchanged check updates its StatusSource row in place.
// Then the same cycles run on top, and the vendor page's data (loadVendorPage) is timed before and after.
import { performance } from 'node:perf_hooks'
import { withPg } from './measure'

export async function addHistory(url: string, days: number, now: Date): Promise<{ rows: Record<string, number>; ms: number }> {
  const started = performance.now()
  const at = now.toISOString()
  const rows: Record<string, number> = {}
  await withPg(url, async (c) => {
    const run = async (table: string, sql: string, params: unknown[] = []) => {
      const r = await c.query(sql, params)
      rows[table] = (rows[table] ?? 0) + (r.rowCount ?? 0)
    }
    await run(
      'RefreshRun',
      `INSERT INTO "RefreshRun" (id, trigger, owner, status, "startedAt", "finishedAt", due, checked, changed, unchanged, failed, events, "durationMs")
       SELECT 'hist-run-' || g, 'scheduler', 'history', 'completed', t, t + interval '9 seconds', 2000, 2000, 20, 1960, 20, 25, 9000
         FROM generate_series(1, $1::int * 1440) AS g, LATERAL (SELECT $2::timestamp(3) - g * interval '1 minute' AS t) AS x`,
      [days, at],
    )
    await c.query(`CREATE TEMP TABLE hist_incident AS
      SELECT 'hist-inc-' || v.id || '-' || k AS id, v.id AS vendor_id, k,
             $2::timestamp(3) - k * interval '7 days' - random() * interval '6 days' AS started,
             (SELECT id FROM "Component" AS c WHERE c."vendorId" = v.id ORDER BY position LIMIT 1) AS component_id
        FROM "Vendor" AS v, generate_series(1, greatest(1, $1::int / 7)) AS k`, [days, at])
    await run(
      'Incident',
      `INSERT INTO "Incident" (id, "vendorId", "externalId", title, status, impact, "startedAt", "resolvedAt", baseline, "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt")
       SELECT id, vendor_id, 'hist-' || k, 'Elevated error rates for API requests (' || k || ')', 'resolved', (ARRAY['minor', 'major', 'critical'])[1 + k % 3]::"IncidentImpact",
              started, started + interval '47 minutes', false, started, started + interval '47 minutes', started, started + interval '47 minutes'
         FROM hist_incident`,
    )
    await run(
      'IncidentUpdate',
      `INSERT INTO "IncidentUpdate" (id, "incidentId", "externalId", status, body, "bodyHash", "publishedAt", "createdAt")
       SELECT i.id || '-u' || u, i.id, 'u' || u, (ARRAY['investigating', 'identified', 'monitoring', 'resolved'])[u]::"IncidentStatus",
              'We are investigating elevated error rates for API requests in some regions. Requests may fail or be slower than usual; we will post an update within 30 minutes.',
              md5(i.id || u), i.started + u * interval '12 minutes', i.started
         FROM hist_incident AS i, generate_series(1, 4) AS u`,
    )
    await run('IncidentComponent', `INSERT INTO "IncidentComponent" ("incidentId", "componentId") SELECT id, component_id FROM hist_incident WHERE component_id IS NOT NULL`)
    await run(
      'ComponentStatusChange',
      `INSERT INTO "ComponentStatusChange" (id, "componentId", "fromStatus", "toStatus", "changedAt")
       SELECT id || '-c' || n, component_id, (ARRAY['operational', 'degraded'])[n]::"ServiceStatus", (ARRAY['degraded', 'operational'])[n]::"ServiceStatus", started + (n - 1) * interval '47 minutes'
         FROM hist_incident, generate_series(1, 2) AS n WHERE component_id IS NOT NULL`,
    )
    await run(
      'ChangeEvent',
      `INSERT INTO "ChangeEvent" (id, "vendorId", kind, "dedupeKey", "incidentId", baseline, "occurredAt", "createdAt", "fannedOutAt")
       SELECT i.id || '-e' || e, i.vendor_id, (ARRAY['incident_opened', 'incident_updated', 'incident_updated', 'incident_resolved'])[e]::"ChangeEventKind", i.id || '-e' || e, i.id, false,
              i.started + e * interval '12 minutes', i.started + e * interval '12 minutes', i.started + e * interval '12 minutes' + interval '5 seconds'
         FROM hist_incident AS i, generate_series(1, 4) AS e`,
    )
    // As autovacuum would have, over a year: fresh statistics and a visibility map.
    await c.query('VACUUM ANALYZE')
  })
  return { rows, ms: performance.now() - started }
}

/** The vendor page's data (lib/pages/vendor-page.ts: status, 90-day history, timeline, incident list) for `slugs`, one at a time: p50, p95, max in ms. */
export async function timeVendorPages(slugs: string[], load: (slug: string) => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = []
  for (const slug of slugs) {
    const t = performance.now()
    await load(slug)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? 0
  return { p50: at(0.5), p95: at(0.95), max: times.at(-1) ?? 0 }
}
