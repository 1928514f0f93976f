// A vendor's current status picture: components by group, open and recent incidents with every
// update, and upcoming, running and recent maintenance. Feeds the vendor page and the JSON API.
import { db } from '@/lib/db/client'
import { isSlug } from '@/lib/validation/url-input'
import type { Prisma } from '@/lib/db/generated/client'
import { INCIDENT_OVER_STATUSES, OPEN_MAINTENANCE_STATUSES } from '@/lib/status/lifecycle'
import { realComponents } from '@/lib/status/placeholder-components'

const RECENT_INCIDENTS = 20
const RECENT_MAINTENANCE_DAYS = 7

const incidentSelect = {
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
  updates: { orderBy: { publishedAt: 'desc' }, select: { id: true, status: true, body: true, publishedAt: true, timeUnknown: true, editedAt: true } },
  components: { select: { component: { select: { externalId: true, name: true } } } },
} satisfies Prisma.IncidentSelect

export type IncidentDetail = Prisma.IncidentGetPayload<{ select: typeof incidentSelect }>

const vendorStatusSelect = {
  id: true,
  slug: true,
  name: true,
  pendingReview: true,
  category: true,
  statusPageUrl: true,
  status: true,
  statusText: true,
  statusChangedAt: true,
  logo: { select: { sha256: true } },
  source: { select: { platform: true, apiUrl: true, lastCheckedAt: true, lastSuccessAt: true, consecutiveFailures: true, lastError: true, lastErrorKind: true, baselineAt: true, readWarnings: true, sourceChange: true } },
  groups: { where: { removedAt: null }, orderBy: { position: 'asc' }, select: { id: true, name: true, position: true } },
  components: {
    where: { removedAt: null },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, externalId: true, name: true, description: true, status: true, statusChangedAt: true, groupId: true, onlyShowIfDegraded: true },
  },
} satisfies Prisma.VendorSelect

export type VendorStatusDetail = Prisma.VendorGetPayload<{ select: typeof vendorStatusSelect }> & {
  openIncidents: IncidentDetail[]
  recentIncidents: IncidentDetail[]
  maintenances: Prisma.MaintenanceGetPayload<{ select: typeof maintenanceSelect }>[]
}

const maintenanceSelect = {
  id: true,
  externalId: true,
  title: true,
  status: true,
  impact: true,
  scheduledFor: true,
  scheduledUntil: true,
  startedAt: true,
  completedAt: true,
  url: true,
  body: true,
} satisfies Prisma.MaintenanceSelect

export async function findVendorStatus(slug: string, now: Date): Promise<VendorStatusDetail | null> {
  if (!isSlug(slug)) return null
  const found = await db.vendor.findUnique({ where: { slug }, select: vendorStatusSelect })
  if (!found) return null
  // A "Visit … for more information" pointer is not a component: no reader (page, API, feeds) lists it.
  const vendor = { ...found, components: realComponents(found.components) }
  const recentSince = new Date(now.getTime() - RECENT_MAINTENANCE_DAYS * 86_400_000)
  const [openIncidents, recentIncidents, maintenances] = await Promise.all([
    db.incident.findMany({ where: { vendorId: vendor.id, resolvedAt: null, status: { notIn: [...INCIDENT_OVER_STATUSES] } }, orderBy: { startedAt: 'desc' }, select: incidentSelect }),
    db.incident.findMany({
      where: { vendorId: vendor.id, OR: [{ resolvedAt: { not: null } }, { status: { in: [...INCIDENT_OVER_STATUSES] } }] },
      orderBy: { startedAt: 'desc' },
      take: RECENT_INCIDENTS,
      select: incidentSelect,
    }),
    db.maintenance.findMany({
      where: { vendorId: vendor.id, OR: [{ status: { in: [...OPEN_MAINTENANCE_STATUSES] } }, { scheduledFor: { gte: recentSince } }] },
      orderBy: { scheduledFor: 'asc' },
      select: maintenanceSelect,
    }),
  ])
  return { ...vendor, openIncidents, recentIncidents, maintenances }
}
