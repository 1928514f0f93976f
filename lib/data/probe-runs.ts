// The probe runner's reach (lib/signal/probes.ts): claim due probes, hand back the ones it did not
// get to, store results, prune old ones. Nothing else of the schema.
import { Prisma } from '@/lib/db/generated/client'
import { db } from '@/lib/db/client'
import type { DueProbe, ProbeOutcome, ProbeRunData } from '@/lib/signal/probes'

/**
 * One statement: the probes due at `now` (never checked first) move to `nextCheckAt`, and only the
 * rows this statement moved are returned. SKIP LOCKED: an overlapping run (cron and the in-process
 * schedule, an operator's manual check) takes other rows or none, never the same ones, so no probe
 * is requested twice per interval.
 */
async function claimDueProbes(now: Date, nextCheckAt: Date, limit: number): Promise<DueProbe[]> {
  return db.$queryRaw<DueProbe[]>(Prisma.sql`
    UPDATE "Probe" SET "nextCheckAt" = ${nextCheckAt}
    WHERE "id" IN (
      SELECT "id" FROM "Probe"
      WHERE "nextCheckAt" IS NULL OR "nextCheckAt" <= ${now}
      ORDER BY "nextCheckAt" ASC NULLS FIRST, "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "url", "upBelow"`)
}

async function releaseProbes(ids: readonly string[], now: Date): Promise<void> {
  await db.probe.updateMany({ where: { id: { in: [...ids] } }, data: { nextCheckAt: now } })
}

async function recordProbeResults(outcomes: readonly ProbeOutcome[]): Promise<void> {
  await db.probeResult.createMany({ data: [...outcomes] })
}

/** Uses the checkedAt index; each run deletes about one interval's worth of rows. */
async function pruneProbeResults(before: Date): Promise<number> {
  const { count } = await db.probeResult.deleteMany({ where: { checkedAt: { lt: before } } })
  return count
}

export const probeRunData: ProbeRunData = { claimDueProbes, releaseProbes, recordProbeResults, pruneProbeResults }
