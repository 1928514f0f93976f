// A published stack page: the owner's watched vendors, each with its status as we can vouch for it,
// its active incidents and its open maintenance, cut down to the components the watch follows.
// The page, the Atom feed, the iCalendar feed and the badge all read this one model.
import { isMonitoredSource } from '@/lib/catalog/platforms'
import { findStackOwnerBySlug, findStackOwnerByToken, findStackVendors, findStackWatches, type StackContentRow, type StackVendorContent } from '@/lib/data/stack-pages'
import { isOpenMaintenanceAt } from '@/lib/status/lifecycle'
import { freshness, type Freshness } from '@/lib/status/freshness'
import { type ServiceStatus, worstStatus } from '@/lib/status/statuses'

/** How a stack page was reached: its private link's token, or its public name. */
export type StackAddress = { kind: 'token'; token: string } | { kind: 'slug'; slug: string }

type Row = StackContentRow['vendor']

export interface StackVendor {
  slug: string
  name: string
  /** null: we have no reading we can vouch for (never read, never succeeded, not monitored). */
  status: ServiceStatus | null
  statusText: string | null
  freshness: Freshness['kind']
  incidents: Row['incidents']
  maintenances: Row['maintenances']
}

export interface StackPageModel {
  /** The path the page lives at (`/s/{token}` or `/stacks/{slug}`); feeds and badge hang off it. */
  path: string
  title: string
  vendors: StackVendor[]
  /** The worst status among vendors we can vouch for; null when none can be vouched for. */
  overall: ServiceStatus | null
}

export function stackPath(address: StackAddress): string {
  return address.kind === 'token' ? `/s/${address.token}` : `/stacks/${address.slug}`
}

/**
 * Keeps what the watch follows: everything when it follows all components; otherwise items that
 * name one of its components, and items that name none (vendor-wide: they concern every component).
 */
export function followedBy<T extends { components: { componentId: string }[] }>(items: T[], allComponents: boolean, followed: ReadonlySet<string>): T[] {
  if (allComponents) return items
  return items.filter((item) => item.components.length === 0 || item.components.some((c) => followed.has(c.componentId)))
}

export function buildStackModel(rows: StackContentRow[], address: StackAddress, now: Date, intervalMs: number): StackPageModel {
  const vendors = rows.map(({ allComponents, components, vendor }): StackVendor => {
    const followed = new Set(components.map((c) => c.componentId))
    const fresh = freshness(vendor.source, isMonitoredSource(vendor.source), now, intervalMs)
    const known = fresh.kind === 'fresh' || fresh.kind === 'stale'
    const incidents = followedBy(vendor.incidents, allComponents, followed)
    return {
      slug: vendor.slug,
      name: vendor.name,
      // The vendor's own status (already raised by its open incidents at ingest), followed components or not.
      status: known ? vendor.status : null,
      statusText: known ? vendor.statusText : null,
      freshness: fresh.kind,
      incidents,
      maintenances: followedBy(vendor.maintenances, allComponents, followed),
    }
  })
  vendors.sort((a, b) => Number(b.incidents.length > 0) - Number(a.incidents.length > 0) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
  return {
    path: stackPath(address),
    title: address.kind === 'slug' ? `${address.slug}'s stack` : 'Private stack',
    vendors,
    overall: worstStatus(vendors.flatMap((v) => (v.status ? [v.status] : []))),
  }
}

/**
 * Reads the watched vendors' content: straight from the database (the default), or from the cache
 * the pages and feeds use (lib/pages/stack-page-cache.ts), whose copy may be up to a minute old.
 */
export type StackVendorReader = (slugs: readonly string[], now: Date) => Promise<StackVendorContent[]>

/**
 * The stack at `address`, or null when no stack answers to it (a revoked token among them). The
 * address and the owner's watches are read on every call, so a revoked link or a changed
 * watchlist shows at once whatever `readVendors` keeps (the public page, itself cached, is dropped
 * by the owner's changes: lib/pages/stack-page-drops.ts); maintenance is checked against `now`
 * again because kept content may have been read a little earlier.
 */
export async function loadStackPage(address: StackAddress, now: Date, intervalMs: number, readVendors: StackVendorReader = findStackVendors): Promise<StackPageModel | null> {
  const owner = address.kind === 'token' ? await findStackOwnerByToken(address.token) : await findStackOwnerBySlug(address.slug)
  if (!owner) return null
  const watches = await findStackWatches(owner)
  const vendors = new Map((await readVendors(watches.map((w) => w.vendor.slug), now)).map((v) => [v.slug, v]))
  const rows = watches.flatMap(({ allComponents, components, vendor: { slug } }): StackContentRow[] => {
    const vendor = vendors.get(slug)
    return vendor ? [{ allComponents, components, vendor: { ...vendor, maintenances: vendor.maintenances.filter((m) => isOpenMaintenanceAt(m, now)) } }] : []
  })
  return buildStackModel(rows, address, now, intervalMs)
}
