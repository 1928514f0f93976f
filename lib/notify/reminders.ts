// "Maintenance starts soon" notices: an event per maintenance shortly before its window. The key
// names the maintenance and its start, so a rescheduled window earns a new reminder and the same
// one is never recorded twice, however many notifiers run.
import type { Db } from '@/lib/db/client'

export const DEFAULT_REMINDER_LEAD_MS = 60 * 60_000

export async function recordMaintenanceReminders(db: Db, now: Date, leadMs = DEFAULT_REMINDER_LEAD_MS): Promise<number> {
  const soon = await db.maintenance.findMany({
    where: { status: 'scheduled', scheduledFor: { gt: now, lte: new Date(now.getTime() + leadMs) } },
    select: { id: true, vendorId: true, scheduledFor: true },
  })
  if (!soon.length) return 0
  const { count } = await db.changeEvent.createMany({
    data: soon.map((m) => ({
      vendorId: m.vendorId,
      kind: 'maintenance_reminder' as const,
      dedupeKey: `maintenance_reminder:${m.id}:${m.scheduledFor.toISOString()}`,
      maintenanceId: m.id,
      occurredAt: now,
      data: { startsAt: m.scheduledFor.toISOString() },
    })),
    skipDuplicates: true,
  })
  return count
}
