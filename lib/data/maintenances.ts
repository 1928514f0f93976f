// A vendor's scheduled maintenances as the refresh writes them, with the components they affect.
// Called inside the vendor's one write transaction (vendor-snapshots.ts).
import type { Prisma } from '@/lib/db/generated/client'
import type { NormalizedMaintenance } from '@/lib/status/snapshot'
import type { IncidentImpact, MaintenanceStatus } from '@/lib/status/statuses'
import { hashBody } from './body-hash'
import { componentLinks } from './components'
import { rowId } from './incidents'

/** The maintenance columns a later read may change. */
export interface MaintenanceFields {
  title: string
  status: MaintenanceStatus
  impact: IncidentImpact
  scheduledFor: Date
  scheduledUntil: Date | null
  startedAt: Date | null
  completedAt: Date | null
  url: string | null
  body: string | null
  bodyHash: string | null
  upstreamUpdatedAt: Date | null
}

/** What the refresh writes about a vendor's maintenances (the diff's maintenance plan). */
export interface MaintenanceWrites {
  /** The snapshot's maintenances that are new; `baseline` marks history, never news. */
  creates: (NormalizedMaintenance & { baseline: boolean })[]
  updates: { id: string; externalId: string; fields: Partial<MaintenanceFields>; componentExternalIds?: string[] }[]
}

/** Returns externalId -> row id for every maintenance written. */
export async function writeMaintenances(tx: Prisma.TransactionClient, vendorId: string, writes: MaintenanceWrites, componentIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const creates = writes.creates
  if (creates.length) {
    const rows = await tx.maintenance.createManyAndReturn({
      data: creates.map((m) => ({
        vendorId,
        externalId: m.externalId,
        title: m.title,
        status: m.status,
        impact: m.impact,
        scheduledFor: m.scheduledFor,
        scheduledUntil: m.scheduledUntil,
        startedAt: m.startedAt ?? null,
        completedAt: m.completedAt ?? null,
        url: m.url ?? null,
        body: m.body ?? null,
        bodyHash: m.body ? hashBody(m.body) : null,
        upstreamUpdatedAt: m.updatedAt ?? null,
        baseline: m.baseline,
      })),
      select: { id: true, externalId: true },
    })
    for (const row of rows) ids.set(row.externalId, row.id)
    const links = creates.flatMap((m) => componentLinks(m.componentExternalIds, componentIds).map((l) => ({ ...l, maintenanceId: rowId(ids, m.externalId) })))
    if (links.length) await tx.maintenanceComponent.createMany({ data: links })
  }
  for (const u of writes.updates) {
    ids.set(u.externalId, u.id)
    if (Object.keys(u.fields).length) await tx.maintenance.update({ where: { id: u.id }, data: u.fields })
    if (u.componentExternalIds) {
      await tx.maintenanceComponent.deleteMany({ where: { maintenanceId: u.id } })
      await tx.maintenanceComponent.createMany({ data: componentLinks(u.componentExternalIds, componentIds).map((l) => ({ ...l, maintenanceId: u.id })) })
    }
  }
  return ids
}
