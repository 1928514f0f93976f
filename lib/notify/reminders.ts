// "Maintenance starts soon" notices: an event per maintenance shortly before its window. The key
// names the maintenance and its start, so a rescheduled window earns a new reminder and the same
// one is never recorded twice, however many notifiers run.
import type { RemindersData } from './ports'

export const DEFAULT_REMINDER_LEAD_MS = 60 * 60_000

export async function recordMaintenanceReminders(data: RemindersData, now: Date, leadMs = DEFAULT_REMINDER_LEAD_MS): Promise<number> {
  const soon = await data.outbox.maintenancesStarting(now, new Date(now.getTime() + leadMs))
  return data.outbox.addMaintenanceReminders(
    soon.map((m) => ({
      vendorId: m.vendorId,
      dedupeKey: `maintenance_reminder:${m.id}:${m.scheduledFor.toISOString()}`,
      maintenanceId: m.id,
      occurredAt: now,
      data: { startsAt: m.scheduledFor.toISOString() },
    })),
  )
}
