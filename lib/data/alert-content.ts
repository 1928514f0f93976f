// What alert emails are written from: the readers (address, time zone) and the change events with
// the vendor, incident (its updates, newest first) or maintenance they concern.
//
// Tables: User, ChangeEvent, Vendor, Incident, IncidentUpdate, Maintenance, Component, PossibleOutage,
// Delivery (read).
import { db } from '@/lib/db/client'
import { Prisma } from '@/lib/db/generated/client'
import { jsonIds } from './json-rows'

export interface AlertReader {
  id: string
  email: string
  timeZone: string
}

const alertEventSelect = {
  id: true,
  kind: true,
  data: true,
  occurredAt: true,
  vendorId: true,
  incidentId: true,
  maintenanceId: true,
  componentId: true,
  possibleOutageId: true,
  vendor: { select: { name: true, slug: true } },
  possibleOutage: { select: { id: true, openedAt: true, closedAt: true, closeReason: true, evidence: true, incidentId: true } },
  incident: {
    select: {
      id: true,
      /** The possible outage this incident confirmed (issue 19): its email thread continues here. */
      possibleOutages: { orderBy: { openedAt: 'desc' }, take: 1, select: { id: true } },
      title: true,
      status: true,
      impact: true,
      startedAt: true,
      resolvedAt: true,
      postmortemBody: true,
      components: { select: { component: { select: { name: true } } } },
      updates: { orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], select: { externalId: true, status: true, body: true, publishedAt: true, timeUnknown: true } },
    },
  },
  maintenance: {
    select: { title: true, status: true, scheduledFor: true, scheduledUntil: true, body: true, components: { select: { component: { select: { name: true } } } } },
  },
} satisfies Prisma.ChangeEventSelect

/** A change event with everything its email says (lib/notify/event-content.ts `EventContext`). */
export type AlertEvent = Prisma.ChangeEventGetPayload<{ select: typeof alertEventSelect }> & { componentName: string | null }

/** The readers among `userIds`, by id (a deleted user is missing). */
export async function findAlertReaders(userIds: string[]): Promise<Map<string, AlertReader>> {
  // One JSON parameter, not `id: { in: ids }`: a sender asks for 100 readers per batch (json-rows.ts).
  const rows = await db.$queryRaw<AlertReader[]>(Prisma.sql`SELECT id, email, "timeZone" FROM "User" WHERE id IN ${jsonIds([...new Set(userIds)])}`)
  return new Map(rows.map((u) => [u.id, u]))
}

/** The events among `eventIds`, by id (a deleted event is missing). */
export async function findAlertEvents(eventIds: string[]): Promise<Map<string, AlertEvent>> {
  const rows = await db.changeEvent.findMany({ where: { id: { in: [...new Set(eventIds)] } }, select: alertEventSelect })
  const componentIds = rows.flatMap((r) => (r.componentId ? [r.componentId] : []))
  const components = new Map(
    (componentIds.length ? await db.component.findMany({ where: { id: { in: componentIds } }, select: { id: true, name: true } }) : []).map((c) => [c.id, c.name]),
  )
  return new Map(rows.map((r) => [r.id, { ...r, componentName: r.componentId ? (components.get(r.componentId) ?? null) : null }]))
}

/**
 * Of the (reader, possible outage) pairs, the ones whose reader was emailed the outage's opening by
 * itself (an instant delivery, not failed or skipped): their incident email continues that thread.
 * Keys are `${userId} ${possibleOutageId}`.
 */
export async function findPossibleOutageReaders(pairs: { userId: string; possibleOutageId: string }[]): Promise<Set<string>> {
  if (!pairs.length) return new Set()
  // The batch's readers as one JSON parameter, not `userId: { in: ids }` (json-rows.ts).
  const rows = await db.$queryRaw<{ userId: string; possibleOutageId: string }[]>(Prisma.sql`
    SELECT d."userId", e."possibleOutageId"
      FROM "Delivery" d JOIN "ChangeEvent" e ON e.id = d."eventId"
     WHERE d."userId" IN ${jsonIds([...new Set(pairs.map((p) => p.userId))])}
       AND d.mode = 'instant' AND d.status IN ('pending', 'sending', 'sent')
       AND e.kind = 'possible_outage_opened' AND e."possibleOutageId" IN ${jsonIds([...new Set(pairs.map((p) => p.possibleOutageId))])}`)
  return new Set(rows.map((r) => `${r.userId} ${r.possibleOutageId}`))
}
