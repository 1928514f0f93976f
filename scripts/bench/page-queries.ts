// What a vendor page's first render spends before React: the same data-layer calls and uptime
// computation app/vendors/[slug]/page.tsx makes, timed one vendor at a time in this process.
// The difference to a one-client first view is rendering, caching and the HTTP round trip.
// DATABASE_URL must point at the bench database before this module is imported (lib/env).
import { performance } from 'node:perf_hooks'
import { findReliabilityIncidents } from '@/lib/data/reliability'
import { findComponentHistory, listIncidentHistory } from '@/lib/data/vendor-history'
import { findVendorPageStatus } from '@/lib/data/vendor-status'
import { findVendorBySlug } from '@/lib/data/vendors'
import { db } from '@/lib/db/client'
import { RELIABILITY_DAYS } from '@/lib/pages/reliability'
import { lastDays } from '@/lib/status/days'
import { componentUptime } from '@/lib/status/uptime'
import { percentile } from './load-protocol'

const DAY_MS = 86_400_000

export interface PartTimes {
  metadata: number
  status: number
  history: number
  uptime: number
}

export interface QueryProfile {
  vendors: number
  p50: PartTimes
  p95: PartTimes
  biggest: { slug: string; components: number } & PartTimes
  /** One `lastDays(90, now, 'UTC')`, the day grid componentUptime builds for every component. */
  dayGridMs: number
}

async function timeVendor(slug: string): Promise<PartTimes & { components: number }> {
  const now = new Date()
  let t = performance.now()
  await findVendorBySlug(slug) // generateMetadata's query
  const metadata = performance.now() - t
  t = performance.now()
  const vendor = await findVendorPageStatus(slug, now)
  const status = performance.now() - t
  if (!vendor) throw new Error(`vendor ${slug} not found`)
  t = performance.now()
  const [history] = await Promise.all([
    findComponentHistory(vendor.id, new Date(now.getTime() - 90 * DAY_MS)),
    // One read of the year's incidents: the reliability history and the 30-day timeline share it.
    findReliabilityIncidents(vendor.id, new Date(now.getTime() - RELIABILITY_DAYS * DAY_MS), now),
    listIncidentHistory(vendor.id, 1, 10),
  ])
  const historyMs = performance.now() - t
  t = performance.now()
  for (const changes of history.values()) componentUptime(changes, { days: 90, now, timeZone: 'UTC' })
  return { metadata, status, history: historyMs, uptime: performance.now() - t, components: vendor.components.length }
}

/** The faster of two runs, part by part: other processes on the machine only ever add time. */
async function bestOfTwo(slug: string): Promise<PartTimes & { components: number }> {
  const a = await timeVendor(slug)
  const b = await timeVendor(slug)
  return { metadata: Math.min(a.metadata, b.metadata), status: Math.min(a.status, b.status), history: Math.min(a.history, b.history), uptime: Math.min(a.uptime, b.uptime), components: a.components }
}

export async function profileVendorQueries(slugs: string[], biggestSlug: string): Promise<QueryProfile> {
  try {
    await timeVendor(biggestSlug) // connect and warm the client before timing
    const runs: (PartTimes & { components: number })[] = []
    for (const slug of slugs) runs.push(await bestOfTwo(slug))
    let dayGridMs = Infinity
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      lastDays(90, new Date(), 'UTC')
      dayGridMs = Math.min(dayGridMs, performance.now() - t)
    }
    const at = (p: number): PartTimes => {
      const part = (k: keyof PartTimes) => percentile(runs.map((r) => r[k]).sort((a, b) => a - b), p)
      return { metadata: part('metadata'), status: part('status'), history: part('history'), uptime: part('uptime') }
    }
    return { vendors: runs.length, p50: at(0.5), p95: at(0.95), biggest: { slug: biggestSlug, ...(await bestOfTwo(biggestSlug)) }, dayGridMs }
  } finally {
    await db.$disconnect()
  }
}

export function queryProfileLines(q: QueryProfile): string[] {
  // Percentiles are per part, so their sum only approximates the percentile of the whole.
  const f = (p: PartTimes, sum: string) =>
    `generateMetadata ${p.metadata.toFixed(1)} + findVendorPageStatus ${p.status.toFixed(1)} + history queries ${p.history.toFixed(1)} + uptime math ${p.uptime.toFixed(1)} ${sum} ${(p.metadata + p.status + p.history + p.uptime).toFixed(1)} ms`
  return [
    `  p50 of ${q.vendors} vendors: ${f(q.p50, '≈')}`,
    `  p95 of ${q.vendors} vendors: ${f(q.p95, '≈')}`,
    `  ${q.biggest.slug} (${q.biggest.components} components): ${f(q.biggest, '=')}`,
    `  (each the faster of two runs) uptime math builds one 90-day grid per component: lastDays(90, now, 'UTC') alone takes ${q.dayGridMs.toFixed(1)} ms`,
  ]
}
