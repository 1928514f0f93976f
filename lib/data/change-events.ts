// Change events: one row per real change the refresh saw, the notifier's input. Each carries a
// dedupe key naming the change itself, so the same change seen twice is recorded once.
import type { Prisma } from '@/lib/db/generated/client'
import type { ChangeEventKind } from '@/lib/db/generated/enums'

export type { ChangeEventKind }

/** A change event as the refresh plans it: rows it concerns are named by upstream (external) id. */
export interface ChangeEventWrite {
  kind: ChangeEventKind
  dedupeKey: string
  incidentExternalId?: string
  maintenanceExternalId?: string
  componentExternalId?: string
  occurredAt: Date
  baseline: boolean
  data: Record<string, string | number | boolean | null>
}

/** External id -> row id of the rows written in the same transaction. */
export interface WrittenRowIds {
  incidents: Map<string, string>
  maintenances: Map<string, string>
  components: Map<string, string>
}

/**
 * Records the events in the vendor's write transaction; returns how many were new. `createdAt` is
 * the refresh's clock, not the database's: the outboxes compare it with their own injected clock
 * (e.g. the channel fan-out's 24-hour window), and the two must be one clock.
 */
export async function recordChangeEvents(tx: Prisma.TransactionClient, vendorId: string, events: ChangeEventWrite[], ids: WrittenRowIds, now: Date): Promise<number> {
  const { count } = await tx.changeEvent.createMany({
    data: events.map((e) => ({
      vendorId,
      createdAt: now,
      kind: e.kind,
      dedupeKey: e.dedupeKey,
      incidentId: e.incidentExternalId ? ids.incidents.get(e.incidentExternalId) : undefined,
      maintenanceId: e.maintenanceExternalId ? ids.maintenances.get(e.maintenanceExternalId) : undefined,
      componentId: e.componentExternalId ? ids.components.get(e.componentExternalId) : undefined,
      baseline: e.baseline,
      data: e.data,
      occurredAt: e.occurredAt,
    })),
    // A change already recorded under its key (it cannot be, while the lease holds) is not news twice.
    skipDuplicates: true,
  })
  return count
}
