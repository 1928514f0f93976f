// The incidents a vendor's reliability history is computed from (lib/status/reliability.ts):
// every incident that overlaps [since, now], with the components it names. The vendor page reads
// them once for both its reliability history and its 30-day timeline (lib/pages/vendor-page.ts),
// so each row also carries what the timeline shows (id, title).
import { db } from '@/lib/db/client'
import type { TimelineIncidentRow } from '@/lib/data/vendor-history'
import { realComponents } from '@/lib/status/placeholder-components'
import { isSlug } from '@/lib/validation/url-input'
import type { ReliabilityIncident } from '@/lib/status/reliability'

export type VendorIncidentRow = ReliabilityIncident & TimelineIncidentRow

export async function findReliabilityIncidents(vendorId: string, since: Date, now: Date): Promise<VendorIncidentRow[]> {
  const rows = await db.incident.findMany({
    // Ended at or after `since`, or not ended: an incident over without a resolution time ends at its start.
    where: { vendorId, startedAt: { lte: now }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: since } }] },
    orderBy: { startedAt: 'asc' },
    select: { id: true, title: true, impact: true, status: true, startedAt: true, resolvedAt: true, components: { select: { component: { select: { externalId: true, name: true } } } } },
  })
  return rows.map(({ components, ...i }) => ({ ...i, // The vendor's own component ids, as GET /api/v1/vendors/{slug} names them.
    components: realComponents(components.map(({ component: c }) => ({ id: c.externalId, name: c.name }))) }))
}

/** The vendor a reliability request names: its id and our first read. */
export async function findVendorForReliability(slug: string): Promise<{ id: string; slug: string; name: string; source: { baselineAt: Date | null } | null } | null> {
  if (!isSlug(slug)) return null
  return db.vendor.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, source: { select: { baselineAt: true } } } })
}
