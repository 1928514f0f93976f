// The vendors' status pages as the e2e tests see them: served by a local status server whose
// content a test changes through POST /__control (see e2e/support/fixtures.ts).
import fs from 'node:fs'
import { shiftTimes } from '@/lib/testing/shift-times'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { STATUS_SERVER_PORT } from './config'

const FIXTURES = new URL('../../lib/ingest/fixtures/', import.meta.url)

export interface ControlRequest {
  path: string
  /** A recorded payload under lib/ingest/fixtures, or a literal body (or binary one, in base64). */
  fixture?: string
  body?: string
  base64?: string
  status?: number
  /**
   * Replay a JSON recording as if its newest time were ten minutes ago. The app reads the real
   * clock, so a recording from another year would read as the future (or as long over).
   */
  recent?: boolean
}

/** Every test vendor starts out fully operational (GitHub's recorded summary, no incidents). */
export function initialPages(): ControlRequest[] {
  const operational = fs.readFileSync(new URL('statuspage/github-summary-operational.json', FIXTURES), 'utf8')
  const page = JSON.parse(operational).page
  return [
    ...['acme-cloud', 'globex', 'hooli', 'initech', 'soylent', 'umbrella', 'vandelay'].flatMap((slug) => [
      { path: `/${slug}/api/v2/summary.json`, body: operational },
      { path: `/${slug}/api/v2/incidents.json`, body: JSON.stringify({ page, incidents: [] }) },
      { path: `/${slug}/api/v2/scheduled-maintenances.json`, body: JSON.stringify({ page, scheduled_maintenances: [] }) },
    ]),
    // Umbrella's status page itself is on the stand-in too, with an icon for the logo fetch.
    { path: '/umbrella/', body: '<!doctype html><html><head><link rel="icon" href="/umbrella/icon.png"></head><body>Umbrella status</body></html>' },
    { path: '/umbrella/icon.png', base64: UMBRELLA_ICON_PNG },
  ]
}

/** A 16x16 PNG, a blue square. */
const UMBRELLA_ICON_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGNQTX5NEmIY1TCqYfhqAAB2SXMQ7mVTQgAAAABJRU5ErkJggg=='

export async function startStatusPages(): Promise<StatusServer> {
  const server = await startStatusServer({
    port: STATUS_SERVER_PORT,
    onControl: (_req, raw) => {
      const requests = JSON.parse(raw) as ControlRequest[]
      for (const r of requests) apply(server, r)
      return { ok: true, applied: requests.length }
    },
  })
  for (const r of initialPages()) apply(server, r)
  return server
}

function apply(server: StatusServer, r: ControlRequest) {
  if (!r.path.startsWith('/')) throw new Error(`path must start with /: ${r.path}`)
  if (r.base64 !== undefined) return server.set(r.path, { body: Buffer.from(r.base64, 'base64'), contentType: 'image/png', status: r.status })
  const raw = r.fixture ? fs.readFileSync(new URL(r.fixture, FIXTURES), 'utf8') : r.body
  if (raw === undefined) throw new Error('give a fixture or a body')
  const body = r.recent ? JSON.stringify(shiftTimes(JSON.parse(raw), new Date(Date.now() - 10 * 60_000))) : raw
  server.set(r.path, { body, status: r.status })
}
