// Alert preferences of one watch (one user, one vendor). Scoped like the rest of the watchlist:
// the entry is found by (user id, vendor slug), so naming someone else's watch finds nothing.
import { db } from '@/lib/db/client'
import { isRecordId, isSlug } from '@/lib/validation/url-input'
import type { DeliveryMode, MinImpact } from '@/lib/db/generated/enums'
import { NotFoundError } from '@/lib/errors'
import { realComponents } from '@/lib/status/placeholder-components'

export async function getWatchPreferences(userId: string, vendorSlug: string) {
  if (!isSlug(vendorSlug)) return null
  const entry = await db.watchlistEntry.findFirst({
    where: { userId, vendor: { slug: vendorSlug } },
    select: {
      allComponents: true,
      minImpact: true,
      maintenanceAlerts: true,
      possibleOutageAlerts: true,
      componentAlerts: true,
      deliveryMode: true,
      createdAt: true,
      components: { select: { componentId: true } },
      vendor: {
        select: {
          slug: true,
          name: true,
          status: true,
          source: { select: { platform: true, apiUrl: true, lastCheckedAt: true, lastSuccessAt: true, consecutiveFailures: true, lastError: true } },
          groups: { where: { removedAt: null }, orderBy: { position: 'asc' }, select: { id: true, name: true } },
          components: { where: { removedAt: null }, orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true, groupId: true } },
        },
      },
    },
  })
  if (!entry) return null
  const { components, vendor, ...rest } = entry
  // A placeholder pointer is not a component one could choose alerts for.
  return { ...rest, vendor: { ...vendor, components: realComponents(vendor.components) }, selectedComponentIds: components.map((c) => c.componentId) }
}

export type WatchPreferences = NonNullable<Awaited<ReturnType<typeof getWatchPreferences>>>

export interface WatchPreferencesUpdate {
  allComponents: boolean
  /** Ids of the vendor's components; only read when allComponents is false. */
  componentIds: string[]
  minImpact: MinImpact
  maintenanceAlerts: boolean
  /** Possible outages (unofficial early warning); left as it is when not given. */
  possibleOutageAlerts?: boolean
  /** A component's status changing without an incident; left as it is when not given. */
  componentAlerts?: boolean
  deliveryMode: DeliveryMode
}

/**
 * Throws NotFoundError when the user does not watch the vendor, or when a component id is not one
 * of this vendor's current components (a forged id changes nothing).
 */
export async function updateWatchPreferences(userId: string, vendorSlug: string, update: WatchPreferencesUpdate): Promise<void> {
  if (!isSlug(vendorSlug)) throw new NotFoundError('You are not watching this vendor')
  if (!update.allComponents && !update.componentIds.every(isRecordId)) throw new NotFoundError('Unknown component')
  await db.$transaction(async (tx) => {
    const entry = await tx.watchlistEntry.findFirst({ where: { userId, vendor: { slug: vendorSlug } }, select: { id: true, vendorId: true } })
    if (!entry) throw new NotFoundError('You are not watching this vendor')
    const wanted = update.allComponents ? [] : [...new Set(update.componentIds)]
    if (wanted.length > 0) {
      const found = await tx.component.count({ where: { id: { in: wanted }, vendorId: entry.vendorId, removedAt: null } })
      if (found !== wanted.length) throw new NotFoundError('Unknown component')
    }
    await tx.watchlistEntry.update({
      where: { id: entry.id },
      data: {
        allComponents: update.allComponents,
        minImpact: update.minImpact,
        maintenanceAlerts: update.maintenanceAlerts,
        ...(update.possibleOutageAlerts !== undefined && { possibleOutageAlerts: update.possibleOutageAlerts }),
        ...(update.componentAlerts !== undefined && { componentAlerts: update.componentAlerts }),
        deliveryMode: update.deliveryMode,
      },
    })
    await tx.watchlistComponent.deleteMany({ where: { entryId: entry.id } })
    if (wanted.length > 0) await tx.watchlistComponent.createMany({ data: wanted.map((componentId) => ({ entryId: entry.id, componentId })) })
  })
}
