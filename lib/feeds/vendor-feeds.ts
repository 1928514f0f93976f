// The per-vendor feeds as their routes serve them: the incidents as Atom, the scheduled
// maintenance as iCalendar. Each is one call for its route: read, clean the upstream text, render.
// Links point at the public vendor page under `appUrl`.
import { findIncidentFeed, findMaintenanceFeed } from '@/lib/data/feeds'
import { upstreamPlainText } from '@/lib/format/upstream-text'
import { renderAtom } from './atom'
import { renderIcal } from './ical'

/** The vendor's incident feed (Atom XML), or null when there is no such vendor. */
export async function vendorIncidentFeed(slug: string, appUrl: string): Promise<string | null> {
  const vendor = await findIncidentFeed(slug)
  if (!vendor) return null
  const pageUrl = new URL(`/vendors/${slug}`, appUrl).toString()
  return renderAtom({
    id: pageUrl,
    title: `${vendor.name} incidents (Vendorwatch)`,
    selfUrl: `${pageUrl}/feed.atom`,
    pageUrl,
    updatedAt: vendor.incidents.reduce((d, i) => (i.updatedAt > d ? i.updatedAt : d), new Date(0)),
    incidents: vendor.incidents.map((i) => ({
      id: i.id,
      title: upstreamPlainText(i.title),
      status: i.status,
      impact: i.impact,
      startedAt: i.startedAt,
      url: `${pageUrl}/incidents/${i.id}`,
      postmortemBody: i.postmortemBody,
      updates: i.updates,
    })),
  })
}

/** The vendor's maintenance calendar (iCalendar), or null when there is no such vendor. */
export async function vendorMaintenanceCalendar(slug: string, now: Date, appUrl: string): Promise<string | null> {
  const vendor = await findMaintenanceFeed(slug, now)
  if (!vendor) return null
  const pageUrl = new URL(`/vendors/${slug}`, appUrl).toString()
  return renderIcal({
    name: `${vendor.name} maintenance (Vendorwatch)`,
    host: new URL(appUrl).hostname,
    now,
    maintenances: vendor.maintenances.map((m) => ({
      id: m.id,
      title: `${vendor.name}: ${m.title}`,
      status: m.status,
      start: m.scheduledFor,
      end: m.scheduledUntil,
      description: m.body ? upstreamPlainText(m.body) : null,
      url: pageUrl,
      updatedAt: m.updatedAt,
    })),
  })
}
