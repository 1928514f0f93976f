// Hostile URL input at the data-lookup boundary: a NUL byte (PostgreSQL error 22021), a huge or
// odd slug or id is "not found", never a database error that the page turns into a 500.
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { NotFoundError } from '@/lib/errors'
import { upsertCatalogRows } from './catalog'
import { findIncidentFeed, findMaintenanceFeed } from './feeds'
import { markVendorDue } from './due-vendors'
import { findIncident } from './vendor-history'
import { findVendorStatus } from './vendor-status'
import { findVendorBySlug, findVendorsBySlugs } from './vendors'
import { getWatchPreferences, updateWatchPreferences } from './watch-preferences'
import { addVendorToWatchlist, removeVendorFromWatchlist } from './watchlist'

const now = new Date('2026-11-24T12:00:00Z')
const HOSTILE = ['git\u0000hub', 'github\u0000', '\u0000', 'x'.repeat(100_000), 'git\r\nhub', 'GitHub', '../github']
let userId = ''

beforeAll(async () => {
  await upsertCatalogRows([{ name: 'GitHub', slug: 'github', statusPageUrl: 'https://status.github.example', platform: 'statuspage' }])
  userId = (await db.user.create({ data: { email: 'hostile@example.com', emailVerified: now } })).id
})

describe('lookups by hostile URL input', () => {
  it('find nothing, without a database error', async () => {
    for (const slug of HOSTILE) {
      expect(await findVendorBySlug(slug)).toBeNull()
      expect(await findVendorStatus(slug, now)).toBeNull()
      expect(await findIncident(slug, 'cmi8x2k1p0000abcd1234efgh')).toBeNull()
      expect(await findIncident('github', slug)).toBeNull()
      expect(await findIncidentFeed(slug)).toBeNull()
      expect(await findMaintenanceFeed(slug, now)).toBeNull()
      expect(await getWatchPreferences(userId, slug)).toBeNull()
      expect(await markVendorDue(slug)).toBe(false)
      expect(await removeVendorFromWatchlist(userId, slug)).toBe(false)
      await expect(addVendorToWatchlist(userId, slug)).rejects.toBeInstanceOf(NotFoundError)
      await expect(updateWatchPreferences(userId, slug, { allComponents: true, componentIds: [], minImpact: 'any', maintenanceAlerts: true, deliveryMode: 'instant' })).rejects.toBeInstanceOf(NotFoundError)
    }
    expect((await findVendorsBySlugs(['github', ...HOSTILE])).map((v) => v.slug)).toEqual(['github'])
  })

  it('still find what exists', async () => {
    expect((await findVendorBySlug('github'))?.slug).toBe('github')
    expect(await addVendorToWatchlist(userId, 'github')).toBe('added')
    await expect(updateWatchPreferences(userId, 'github', { allComponents: false, componentIds: ['comp\u0000'], minImpact: 'any', maintenanceAlerts: true, deliveryMode: 'instant' })).rejects.toBeInstanceOf(NotFoundError)
  })
})
