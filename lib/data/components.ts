// A vendor's component groups and components as the refresh writes them, with the status history
// the timelines are drawn from. Called inside the vendor's one write transaction (vendor-snapshots.ts).
import type { Prisma } from '@/lib/db/generated/client'
import type { NormalizedComponent } from '@/lib/status/snapshot'
import type { ServiceStatus } from '@/lib/status/statuses'

/** What the refresh writes about a vendor's components (the diff's component plan). */
export interface ComponentWrites {
  groupCreates: { externalId: string; name: string; position: number }[]
  groupUpdates: { id: string; data: Partial<{ name: string; position: number; absentSince: Date | null; removedAt: Date | null }> }[]
  creates: NormalizedComponent[]
  /** `groupExternalId` is resolved to a row id here (the group may be new). */
  updates: {
    id: string
    data: Partial<{ name: string; description: string | null; position: number; onlyShowIfDegraded: boolean; absentSince: Date | null; removedAt: Date | null }>
    groupExternalId?: string | null
  }[]
  /** Every status a component takes, including its first. */
  statusChanges: { componentExternalId: string; from: ServiceStatus | null; to: ServiceStatus; at: Date }[]
}

/** Groups, components and status history; returns externalId -> row id for every component. */
export async function writeComponents(tx: Prisma.TransactionClient, vendorId: string, c: ComponentWrites, now: Date): Promise<Map<string, string>> {
  if (c.groupCreates.length) {
    await tx.componentGroup.createMany({ data: c.groupCreates.map((g) => ({ vendorId, externalId: g.externalId, name: g.name, position: g.position })) })
  }
  for (const g of c.groupUpdates) await tx.componentGroup.update({ where: { id: g.id }, data: g.data })
  const groupIds = new Map((await tx.componentGroup.findMany({ where: { vendorId }, select: { id: true, externalId: true } })).map((g) => [g.externalId, g.id]))
  const groupId = (externalId: string | null | undefined) => (externalId ? (groupIds.get(externalId) ?? null) : null)

  if (c.creates.length) {
    await tx.component.createMany({
      data: c.creates.map((x) => ({
        vendorId,
        externalId: x.externalId,
        name: x.name,
        description: x.description ?? null,
        groupId: groupId(x.groupExternalId),
        position: x.position,
        status: x.status,
        statusChangedAt: now,
        onlyShowIfDegraded: x.onlyShowIfDegraded ?? false,
        firstSeenAt: now,
      })),
    })
  }
  for (const u of c.updates) {
    await tx.component.update({ where: { id: u.id }, data: { ...u.data, ...(u.groupExternalId !== undefined && { groupId: groupId(u.groupExternalId) }) } })
  }
  const ids = new Map((await tx.component.findMany({ where: { vendorId }, select: { id: true, externalId: true } })).map((x) => [x.externalId, x.id]))
  const created = new Set(c.creates.map((x) => x.externalId))
  const history: Prisma.ComponentStatusChangeCreateManyInput[] = []
  for (const s of c.statusChanges) {
    const componentId = ids.get(s.componentExternalId)
    if (!componentId) continue
    history.push({ componentId, fromStatus: s.from, toStatus: s.to, changedAt: s.at })
    if (!created.has(s.componentExternalId)) await tx.component.update({ where: { id: componentId }, data: { status: s.to, statusChangedAt: s.at } })
  }
  if (history.length) await tx.componentStatusChange.createMany({ data: history })
  return ids
}

/** Link rows to the components (by external id) that exist, each once. */
export const componentLinks = (externalIds: string[], componentIds: Map<string, string>): { componentId: string }[] =>
  [...new Set(externalIds)].flatMap((ext) => {
    const componentId = componentIds.get(ext)
    return componentId ? [{ componentId }] : []
  })
