// What the per-vendor feeds publish: recent incidents with their updates (Atom) and scheduled
// maintenance (iCalendar).
import { db } from '@/lib/db/client'
import { isSlug } from '@/lib/validation/url-input'

const FEED_INCIDENTS = 50
const MAINTENANCE_HISTORY_DAYS = 90

export async function findIncidentFeed(slug: string) {
  if (!isSlug(slug)) return null
  return db.vendor.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      incidents: {
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        take: FEED_INCIDENTS,
        select: {
          id: true,
          title: true,
          status: true,
          impact: true,
          startedAt: true,
          postmortemBody: true,
          updatedAt: true,
          updates: { select: { status: true, body: true, publishedAt: true, timeUnknown: true } },
        },
      },
    },
  })
}

export async function findMaintenanceFeed(slug: string, now: Date) {
  if (!isSlug(slug)) return null
  return db.vendor.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      maintenances: {
        where: { scheduledFor: { gte: new Date(now.getTime() - MAINTENANCE_HISTORY_DAYS * 86_400_000) } },
        orderBy: { scheduledFor: 'asc' },
        select: { id: true, title: true, status: true, scheduledFor: true, scheduledUntil: true, body: true, updatedAt: true },
      },
    },
  })
}
