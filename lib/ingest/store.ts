// Writes one vendor's refresh outcome. A changed vendor is written in ONE transaction (its rows,
// history, change events and the source's bookkeeping): a worker that dies midway leaves nothing
// half-written. Every write is fenced on the lease: the first statement updates the source row
// only if this worker still holds it, and aborts the transaction otherwise.
import type { Db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import type { VendorChangePlan } from './diff'
import { hashBody } from './hash'

/** The source row's bookkeeping after a successful check. */
export interface CheckedSource {
  sourceId: string
  leaseOwner: string
  now: Date
  nextCheckAt: Date
  httpCache: Prisma.InputJsonValue
  settings?: Prisma.InputJsonValue
  /** Items the last parse left out (kind, count, example); DbNull when it read cleanly. Untouched when not parsed (304). */
  readWarnings?: Prisma.InputJsonValue | typeof Prisma.DbNull
}

export class LeaseLostError extends Error {
  override name = 'LeaseLostError'
}

/** By name, not instanceof: bundles may hold two copies of the class (see isFetchError). */
export const isLeaseLostError = (e: unknown): e is LeaseLostError => e instanceof Error && e.name === 'LeaseLostError'

type Tx = Prisma.TransactionClient

const successData = (c: CheckedSource, changed: boolean) => ({
  lastCheckedAt: c.now,
  lastSuccessAt: c.now,
  ...(changed && { lastChangedAt: c.now }),
  nextCheckAt: c.nextCheckAt,
  consecutiveFailures: 0,
  lastErrorKind: null,
  lastError: null,
  httpCache: c.httpCache,
  ...(c.settings !== undefined && { settings: c.settings }),
  ...(c.readWarnings !== undefined && { readWarnings: c.readWarnings }),
  leaseOwner: null,
  leaseExpiresAt: null,
})

/** Nothing changed upstream: one UPDATE of the source row (check time, validators, lease). */
export async function recordUnchanged(db: Db | Tx, c: CheckedSource, isBaseline: boolean): Promise<void> {
  const { count } = await db.statusSource.updateMany({
    where: { id: c.sourceId, leaseOwner: c.leaseOwner },
    data: { ...successData(c, false), ...(isBaseline && { baselineAt: c.now }) },
  })
  if (count === 0) throw new LeaseLostError('lease lost before the check could be recorded')
}

export interface FailedCheck {
  sourceId: string
  leaseOwner: string
  now: Date
  nextCheckAt: Date
  kind: string
  message: string
  /** Forget discovered settings so the next check discovers again. */
  resetSettings?: boolean
}

/** The vendor's data stays as it was; only the source learns it failed and when to try again. */
export async function recordFailure(db: Db, f: FailedCheck): Promise<void> {
  await db.statusSource.updateMany({
    where: { id: f.sourceId, leaseOwner: f.leaseOwner },
    data: {
      lastCheckedAt: f.now,
      consecutiveFailures: { increment: 1 },
      lastErrorKind: f.kind,
      lastError: f.message.slice(0, 500),
      nextCheckAt: f.nextCheckAt,
      ...(f.resetSettings && { settings: Prisma.DbNull }),
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  })
}

/** Applies a non-empty plan; returns the change events recorded and the incidents it wrote. */
export async function applyVendorChanges(
  db: Db,
  vendorId: string,
  plan: VendorChangePlan,
  check: CheckedSource,
  isBaseline: boolean,
): Promise<{ events: number; incidentIds: string[] }> {
  return db.$transaction(
    async (tx) => {
      // The fence comes first: it also row-locks the source, serialising writers of this vendor.
      const { count } = await tx.statusSource.updateMany({
        where: { id: check.sourceId, leaseOwner: check.leaseOwner },
        data: { ...successData(check, true), ...(isBaseline && { baselineAt: check.now }) },
      })
      if (count === 0) throw new LeaseLostError('lease lost before the changes could be written')
      if (plan.vendorStatus) {
        await tx.vendor.update({ where: { id: vendorId }, data: { ...plan.vendorStatus, statusChangedAt: check.now } })
      }
      const componentIds = await writeComponents(tx, vendorId, plan, check.now)
      const incidentIds = await writeIncidents(tx, vendorId, plan, componentIds, check.now)
      const maintenanceIds = await writeMaintenances(tx, vendorId, plan, componentIds)
      const { count: events } = await tx.changeEvent.createMany({
        data: plan.events.map((e) => ({
          vendorId,
          kind: e.kind,
          dedupeKey: e.dedupeKey,
          incidentId: e.incidentExternalId ? incidentIds.get(e.incidentExternalId) : undefined,
          maintenanceId: e.maintenanceExternalId ? maintenanceIds.get(e.maintenanceExternalId) : undefined,
          componentId: e.componentExternalId ? componentIds.get(e.componentExternalId) : undefined,
          baseline: e.baseline,
          data: e.data,
          occurredAt: e.occurredAt,
        })),
        // A change already recorded under its key (it cannot be, while the lease holds) is not news twice.
        skipDuplicates: true,
      })
      return { events, incidentIds: [...incidentIds.values()] }
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
}

/** Groups, components and status history; returns externalId -> row id for every component. */
async function writeComponents(tx: Tx, vendorId: string, plan: VendorChangePlan, now: Date): Promise<Map<string, string>> {
  const c = plan.components
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

const linkRows = (externalIds: string[], componentIds: Map<string, string>) =>
  [...new Set(externalIds)].flatMap((ext) => {
    const componentId = componentIds.get(ext)
    return componentId ? [{ componentId }] : []
  })

async function writeIncidents(tx: Tx, vendorId: string, plan: VendorChangePlan, componentIds: Map<string, string>, now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  // New incidents go in as three statements however many there are (a vendor's first read
  // brings its whole history): the incidents, then all their updates, then all their links.
  const creates = plan.incidents.creates
  if (creates.length) {
    const rows = await tx.incident.createManyAndReturn({
      data: creates.map((i) => ({
        vendorId,
        externalId: i.externalId,
        title: i.title,
        status: i.status,
        impact: i.impact,
        startedAt: i.startedAt,
        resolvedAt: i.resolvedAt,
        upstreamUpdatedAt: i.updatedAt ?? null,
        url: i.url ?? null,
        postmortemBody: i.postmortem?.body ?? null,
        postmortemPublishedAt: i.postmortem?.publishedAt ?? null,
        baseline: i.baseline,
        firstSeenAt: now,
        lastSeenAt: now,
      })),
      select: { id: true, externalId: true },
    })
    for (const row of rows) ids.set(row.externalId, row.id)
    const updates = creates.flatMap((i) =>
      i.updates.map((u) => ({ incidentId: ids.get(i.externalId)!, externalId: u.externalId, status: u.status, body: u.body, bodyHash: hashBody(u.body), publishedAt: u.publishedAt })),
    )
    if (updates.length) await tx.incidentUpdate.createMany({ data: updates, skipDuplicates: true })
    const links = creates.flatMap((i) => linkRows(i.componentExternalIds, componentIds).map((l) => ({ ...l, incidentId: ids.get(i.externalId)! })))
    if (links.length) await tx.incidentComponent.createMany({ data: links })
  }
  for (const u of plan.incidents.updates) {
    ids.set(u.externalId, u.id)
    if (Object.keys(u.fields).length) await tx.incident.update({ where: { id: u.id }, data: { ...u.fields, lastSeenAt: now } })
    if (u.newUpdates.length) {
      await tx.incidentUpdate.createMany({
        data: u.newUpdates.map((x) => ({ incidentId: u.id, externalId: x.externalId, status: x.status, body: x.body, bodyHash: hashBody(x.body), publishedAt: x.publishedAt })),
        skipDuplicates: true,
      })
    }
    for (const e of u.editedUpdates) {
      await tx.incidentUpdate.update({ where: { id: e.id }, data: { body: e.body, bodyHash: hashBody(e.body), status: e.status, publishedAt: e.publishedAt, editedAt: now } })
    }
    if (u.componentExternalIds) {
      await tx.incidentComponent.deleteMany({ where: { incidentId: u.id } })
      await tx.incidentComponent.createMany({ data: linkRows(u.componentExternalIds, componentIds).map((l) => ({ ...l, incidentId: u.id })) })
    }
  }
  return ids
}

async function writeMaintenances(tx: Tx, vendorId: string, plan: VendorChangePlan, componentIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const creates = plan.maintenances.creates
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
    const links = creates.flatMap((m) => linkRows(m.componentExternalIds, componentIds).map((l) => ({ ...l, maintenanceId: ids.get(m.externalId)! })))
    if (links.length) await tx.maintenanceComponent.createMany({ data: links })
  }
  for (const u of plan.maintenances.updates) {
    ids.set(u.externalId, u.id)
    if (Object.keys(u.fields).length) await tx.maintenance.update({ where: { id: u.id }, data: u.fields })
    if (u.componentExternalIds) {
      await tx.maintenanceComponent.deleteMany({ where: { maintenanceId: u.id } })
      await tx.maintenanceComponent.createMany({ data: linkRows(u.componentExternalIds, componentIds).map((l) => ({ ...l, maintenanceId: u.id })) })
    }
  }
  return ids
}
