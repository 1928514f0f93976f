// "Maintenance starts soon" notices: an event per maintenance shortly before its window. The key
// names the maintenance and its start, so a rescheduled window earns a new reminder and the same
// one is never recorded twice, however many notifiers run.
import type { OutboxStore } from '@/lib/data/outbox'

export const DEFAULT_REMINDER_LEAD_MS = 60 * 60_000

/** What the reminders read and write: scheduled maintenances, and reminder events. */
export type RemindersPort = Pick<OutboxStore, 'maintenancesStarting' | 'addMaintenanceReminders'>

export async function recordMaintenanceReminders(outbox: RemindersPort, now: Date, leadMs = DEFAULT_REMINDER_LEAD_MS): Promise<number> {
  const soon = await outbox.maintenancesStarting(now, new Date(now.getTime() + leadMs))
  return outbox.addMaintenanceReminders(
    soon.map((m) => ({
      vendorId: m.vendorId,
      dedupeKey: `maintenance_reminder:${m.id}:${m.scheduledFor.toISOString()}`,
      maintenanceId: m.id,
      occurredAt: now,
      data: { startsAt: m.scheduledFor.toISOString() },
    })),
  )
}
