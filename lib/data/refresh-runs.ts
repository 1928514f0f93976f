// The record of each refresh cycle: opened when it starts, closed with its totals when it ends, so
// the operator (/api/health) sees when the refresh last ran and how it went.
import { db } from '@/lib/db/client'
import type { RefreshRunStatus, RefreshTrigger } from '@/lib/db/generated/enums'

export type { RefreshTrigger }

export async function openRefreshRun(run: { trigger: RefreshTrigger; owner: string; startedAt: Date }): Promise<{ id: string }> {
  return db.refreshRun.create({ data: run, select: { id: true } })
}

export interface RefreshRunTotals {
  due: number
  checked: number
  changed: number
  unchanged: number
  failed: number
  events: number
}

export async function closeRefreshRun(
  id: string,
  result: RefreshRunTotals & { status: Extract<RefreshRunStatus, 'completed' | 'failed' | 'interrupted'>; durationMs: number; finishedAt: Date; error: string | null },
): Promise<void> {
  await db.refreshRun.update({ where: { id }, data: result })
}

/**
 * Closes runs still `running` that started before `startedBefore`: their process died (a crash,
 * kill -9) before closing them. The caller picks the cut-off past which no live cycle can be
 * running. Their vendors' leases expire on their own.
 */
export async function closeAbandonedRefreshRuns(startedBefore: Date, now: Date): Promise<void> {
  await db.refreshRun.updateMany({
    where: { status: 'running', startedAt: { lt: startedBefore } },
    data: { status: 'abandoned', finishedAt: now, error: 'its process stopped before the cycle finished (crash or kill)' },
  })
}
