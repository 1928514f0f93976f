// The vendor page's history: component status changes for the uptime bars, the paginated
// incident history, and one incident in full (the timeline's incidents: lib/data/reliability.ts).
import { db } from '@/lib/db/client'
import { isRecordId, isSlug } from '@/lib/validation/url-input'
import type { IncidentImpact, IncidentStatus, ServiceStatus } from '@/lib/db/generated/enums'

export interface ChangeRow {
  componentId: string
  toStatus: ServiceStatus
  changedAt: Date
}

/**
 * Every component's status changes since `since`, plus the change in force at `since` (moved to
 * `since`), so each component's history covers the whole window it was observed in.
 */
export async function findComponentHistory(vendorId: string, since: Date): Promise<Map<string, ChangeRow[]>> {
  const [inWindow, before] = await Promise.all([
    db.componentStatusChange.findMany({
      where: { component: { vendorId, removedAt: null }, changedAt: { gte: since } },
      orderBy: { changedAt: 'asc' },
      select: { componentId: true, toStatus: true, changedAt: true },
    }),
    // The latest change before the window, per component (DISTINCT ON keeps one row each).
    db.$queryRaw<ChangeRow[]>`
      SELECT DISTINCT ON (h."componentId") h."componentId", h."toStatus"::text AS "toStatus", h."changedAt"
        FROM "ComponentStatusChange" h JOIN "Component" c ON c.id = h."componentId"
       WHERE c."vendorId" = ${vendorId} AND c."removedAt" IS NULL AND h."changedAt" < ${since}
       ORDER BY h."componentId", h."changedAt" DESC`,
  ])
  const byComponent = new Map<string, ChangeRow[]>()
  for (const row of [...before.map((r) => ({ ...r, changedAt: since })), ...inWindow]) {
    const list = byComponent.get(row.componentId) ?? []
    list.push(row)
    byComponent.set(row.componentId, list)
  }
  return byComponent
}

export interface TimelineIncidentRow {
  id: string
  title: string
  impact: IncidentImpact
  status: IncidentStatus
  startedAt: Date
  resolvedAt: Date | null
}

export interface IncidentListItem extends TimelineIncidentRow {
  hasPostmortem: boolean
}

export interface IncidentHistoryPage {
  incidents: IncidentListItem[]
  total: number
  page: number
  pageCount: number
}

/** Newest first; ties on the start time are broken by id so pages never repeat or skip a row. */
export async function listIncidentHistory(vendorId: string, page: number, pageSize: number): Promise<IncidentHistoryPage> {
  const [rows, total] = await Promise.all([
    db.incident.findMany({
      where: { vendorId },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, title: true, impact: true, status: true, startedAt: true, resolvedAt: true, postmortemPublishedAt: true, postmortemBody: true },
    }),
    db.incident.count({ where: { vendorId } }),
  ])
  return {
    incidents: rows.map(({ postmortemBody, postmortemPublishedAt, ...i }) => ({ ...i, hasPostmortem: postmortemBody !== null || postmortemPublishedAt !== null || i.status === 'postmortem' })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  }
}

/** One incident of one vendor, with every update oldest first; null when either is unknown. */
export async function findIncident(vendorSlug: string, incidentId: string) {
  if (!isSlug(vendorSlug) || !isRecordId(incidentId)) return null
  return db.incident.findFirst({
    where: { id: incidentId, vendor: { slug: vendorSlug } },
    select: {
      id: true,
      externalId: true,
      title: true,
      status: true,
      impact: true,
      startedAt: true,
      resolvedAt: true,
      url: true,
      postmortemBody: true,
      postmortemPublishedAt: true,
      firstSeenAt: true,
      vendor: { select: { slug: true, name: true, statusPageUrl: true } },
      updates: { orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }], select: { id: true, status: true, body: true, publishedAt: true, timeUnknown: true, editedAt: true } },
      components: { select: { component: { select: { id: true, name: true, status: true } } } },
    },
  })
}

export type IncidentPageData = NonNullable<Awaited<ReturnType<typeof findIncident>>>
