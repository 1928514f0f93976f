// What /api/health reports: a verdict (ok / degraded with reasons / error) and, for operators, the
// details it rests on: the database, the last refresh cycle, source health, the outbox backlog
// and this process's memory. The operator's one look at whether the data is fresh.
import { db, dbMode } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import { healthVerdict, OUTBOX_STUCK_AFTER_MS, type HealthStatus } from '@/lib/health/verdict'
import { staleAfterMs } from '@/lib/status/freshness'
import { NETWORK_FAILURE_KINDS } from '@/lib/status/network-outage'
import { asReadWarnings } from '@/lib/status/read-warnings-json'
import { asSourceChange, type SourceChange } from '@/lib/status/source-change-json'
import { POLLABLE_SOURCE as pollable } from './pollable-sources'
import type { ReadWarning } from '@/lib/status/snapshot'

export interface HealthReport {
  status: HealthStatus
  reasons: string[]
  database: { mode: typeof dbMode; reachable: boolean; latencyMs: number; error?: string }
  vendors?: { total: number; monitored: number; checked: number; stale: number; failing: number; failingNetwork: number; readWithWarnings: number }
  /**
   * Vendors whose last read left items out (issue 14 #1): the page was read, some incidents,
   * updates or components in it were not. Operator detail, never a public outage. At most 50.
   */
  readWarnings?: { vendor: string; warnings: ReadWarning[] }[]
  /**
   * Vendors whose page seems to have moved platform or host ("source changed": a redirect to
   * another host, a payload shaped like another platform's). The catalog entry needs a look;
   * the public page says the status may be out of date. At most 50.
   */
  sourceChanged?: ({ vendor: string } & SourceChange)[]
  lastRefresh?: {
    startedAt: string
    finishedAt: string | null
    trigger: string
    due: number
    checked: number
    changed: number
    unchanged: number
    failed: number
    events: number
    durationMs: number | null
    error: string | null
  } | null
  outbox?: { pending: number; failed: number; stuck: number }
  memory: { rssMb: number; heapUsedMb: number }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

/**
 * Health answers within this long whatever the database does: a monitor's probe usually gives up
 * at 5 s, and "no answer" would read as "app down" rather than "database down". The database
 * timeouts end a hung connect sooner; this also covers a server that connects and then stalls.
 */
const HEALTH_DEADLINE_MS = 4_000

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

export async function buildHealthReport(now: Date, intervalMs: number): Promise<HealthReport> {
  const mem = process.memoryUsage()
  const memory = { rssMb: mb(mem.rss), heapUsedMb: mb(mem.heapUsed) }
  const started = performance.now()
  try {
    const staleBefore = new Date(now.getTime() - staleAfterMs(intervalMs))
    const withWarnings = { ...pollable, readWarnings: { not: Prisma.DbNull } }
    const stuckBefore = new Date(now.getTime() - OUTBOX_STUCK_AFTER_MS)
    const [total, monitored, checked, stale, failing, failingNetwork, lastRun, pending, failed, stuck, warned, moved] = await withDeadline(Promise.all([
      db.vendor.count(),
      db.statusSource.count({ where: pollable }),
      db.statusSource.count({ where: { ...pollable, lastCheckedAt: { not: null } } }),
      db.statusSource.count({ where: { ...pollable, lastSuccessAt: { lt: staleBefore } } }),
      db.statusSource.count({ where: { ...pollable, consecutiveFailures: { gt: 0 } } }),
      db.statusSource.count({ where: { ...pollable, consecutiveFailures: { gt: 0 }, lastErrorKind: { in: [...NETWORK_FAILURE_KINDS] } } }),
      db.refreshRun.findFirst({ orderBy: { startedAt: 'desc' } }),
      db.delivery.count({ where: { status: { in: ['pending', 'sending'] } } }),
      db.delivery.count({ where: { status: 'failed' } }),
      // Instant alerts only: a digest-mode delivery waits for the reader's morning by design.
      db.delivery.count({ where: { mode: 'instant', status: { in: ['pending', 'sending'] }, nextAttemptAt: { lt: stuckBefore } } }),
      db.statusSource.findMany({ where: withWarnings, orderBy: { vendorId: 'asc' }, take: 50, select: { readWarnings: true, vendor: { select: { slug: true } } } }),
      db.statusSource.findMany({ where: { ...pollable, sourceChange: { not: Prisma.DbNull } }, orderBy: { vendorId: 'asc' }, take: 50, select: { sourceChange: true, vendor: { select: { slug: true } } } }),
    ]), HEALTH_DEADLINE_MS)
    const readWithWarnings = warned.length < 50 ? warned.length : await withDeadline(db.statusSource.count({ where: withWarnings }), HEALTH_DEADLINE_MS)
    const verdict = healthVerdict({ now, refreshIntervalMs: intervalMs, monitored, failingNetwork, stuckDeliveries: stuck, lastRefreshStartedAt: lastRun?.startedAt ?? null })
    return {
      ...verdict,
      database: { mode: dbMode, reachable: true, latencyMs: Math.round(performance.now() - started) },
      vendors: { total, monitored, checked, stale, failing, failingNetwork, readWithWarnings },
      readWarnings: warned.map((w) => ({ vendor: w.vendor.slug, warnings: asReadWarnings(w.readWarnings) })),
      sourceChanged: moved.flatMap((m) => {
        const change = asSourceChange(m.sourceChange)
        return change ? [{ vendor: m.vendor.slug, ...change }] : []
      }),
      lastRefresh: lastRun && {
        startedAt: lastRun.startedAt.toISOString(),
        finishedAt: lastRun.finishedAt?.toISOString() ?? null,
        trigger: lastRun.trigger,
        due: lastRun.due,
        checked: lastRun.checked,
        changed: lastRun.changed,
        unchanged: lastRun.unchanged,
        failed: lastRun.failed,
        events: lastRun.events,
        durationMs: lastRun.durationMs,
        error: lastRun.error,
      },
      outbox: { pending, failed, stuck },
      memory,
    }
  } catch (e) {
    // Details go to the server log only; a public endpoint must not leak driver messages.
    console.error('[health] database check failed:', e)
    return { status: 'error', reasons: ['the database does not answer'], database: { mode: dbMode, reachable: false, latencyMs: Math.round(performance.now() - started), error: 'database unreachable' }, memory }
  }
}
