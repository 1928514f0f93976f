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

/** What the vendor page shows of the vendor's current state: no closed incidents (its own history lists those). */
export type VendorPageStatus = Prisma.VendorGetPayload<{ select: typeof vendorStatusSelect }> & {
  openIncidents: IncidentDetail[]
  maintenances: Prisma.MaintenanceGetPayload<{ select: typeof maintenanceSelect }>[]
}

/** The JSON API's vendor: the page's, plus the latest closed incidents with every update. */
export type VendorStatusDetail = VendorPageStatus & { recentIncidents: IncidentDetail[] }

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

/** The vendor page's read (lib/pages/vendor-page.ts): the vendor, its open incidents and its maintenance. */
export async function findVendorPageStatus(slug: string, now: Date): Promise<VendorPageStatus | null> {
  if (!isSlug(slug)) return null
  const found = await db.vendor.findUnique({ where: { slug }, select: vendorStatusSelect })
  if (!found) return null
  // A "Visit … for more information" pointer is not a component: no reader (page, API, feeds) lists it.
  const vendor = { ...found, components: realComponents(found.components) }
  const recentSince = new Date(now.getTime() - RECENT_MAINTENANCE_DAYS * 86_400_000)
  const [openIncidents, maintenances] = await Promise.all([
    db.incident.findMany({ where: { vendorId: vendor.id, resolvedAt: null, status: { notIn: [...INCIDENT_OVER_STATUSES] } }, orderBy: { startedAt: 'desc' }, select: incidentSelect }),
    db.maintenance.findMany({
      where: { vendorId: vendor.id, OR: [{ status: { in: [...OPEN_MAINTENANCE_STATUSES] } }, { scheduledFor: { gte: recentSince } }] },
      orderBy: { scheduledFor: 'asc' },
      select: maintenanceSelect,
    }),
  ])
  return { ...vendor, openIncidents, maintenances }
}

/**
 * The JSON API's read: the page's plus the latest closed incidents with every update and
 * postmortem (20 of them: the page never shows these, so it does not read them).
 */
export async function findVendorStatus(slug: string, now: Date): Promise<VendorStatusDetail | null> {
  const vendor = await findVendorPageStatus(slug, now)
  if (!vendor) return null
  const recentIncidents = await db.incident.findMany({
    where: { vendorId: vendor.id, OR: [{ resolvedAt: { not: null } }, { status: { in: [...INCIDENT_OVER_STATUSES] } }] },
    orderBy: { startedAt: 'desc' },
    take: RECENT_INCIDENTS,
    select: incidentSelect,
  })
  return { ...vendor, recentIncidents }
}
