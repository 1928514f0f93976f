// User B, naming user A's rows in every way the data layer accepts, can neither read nor change them.
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { NotFoundError } from '@/lib/errors'
import { createTestUser, createTestVendors } from '@/lib/testing/accounts'
import { getWatchPreferences, updateWatchPreferences } from './watch-preferences'
import { addVendorToWatchlist, listWatchedSlugs, listWatchlist, listWatchlistIncidents, removeVendorFromWatchlist } from './watchlist'

let alice: { id: string }
let bob: { id: string }
let componentOfA: string
let componentOfOther: string

beforeAll(async () => {
  await createTestVendors('own', 3)
  alice = await createTestUser('alice@example.com')
  bob = await createTestUser('bob@example.com')
  const v0 = await db.vendor.findUniqueOrThrow({ where: { slug: 'own-0' } })
  const v1 = await db.vendor.findUniqueOrThrow({ where: { slug: 'own-1' } })
  const component = (vendorId: string, externalId: string) =>
    db.component.create({ data: { vendorId, externalId, name: externalId, status: 'operational', statusChangedAt: new Date() }, select: { id: true } })
  componentOfA = (await component(v0.id, 'api')).id
  componentOfOther = (await component(v1.id, 'web')).id
  await addVendorToWatchlist(alice.id, 'own-0')
  await updateWatchPreferences(alice.id, 'own-0', { allComponents: false, componentIds: [componentOfA], minImpact: 'major', maintenanceAlerts: false, deliveryMode: 'digest' })
  await db.incident.create({
    data: { vendorId: v0.id, externalId: 'i1', title: 'Outage', status: 'investigating', impact: 'major', startedAt: new Date() },
  })
})

async function aliceUnchanged() {
  const prefs = await getWatchPreferences(alice.id, 'own-0')
  expect(prefs).toMatchObject({ allComponents: false, minImpact: 'major', maintenanceAlerts: false, deliveryMode: 'digest', selectedComponentIds: [componentOfA] })
  expect(await listWatchedSlugs(alice.id)).toEqual(['own-0'])
}

describe('ownership of watchlists and preferences', () => {
  it('B sees nothing of A: lists, preferences and the incident feed are per user', async () => {
    expect(await listWatchlist(bob.id)).toEqual([])
    expect(await listWatchedSlugs(bob.id)).toEqual([])
    expect(await getWatchPreferences(bob.id, 'own-0')).toBeNull()
    expect(await listWatchlistIncidents(bob.id, new Date())).toEqual([])
    expect(await listWatchlistIncidents(alice.id, new Date())).toHaveLength(1)
  })

  it('B cannot unwatch for A or change A’s preferences', async () => {
    expect(await removeVendorFromWatchlist(bob.id, 'own-0')).toBe(false)
    await expect(
      updateWatchPreferences(bob.id, 'own-0', { allComponents: true, componentIds: [], minImpact: 'any', maintenanceAlerts: true, deliveryMode: 'instant' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await aliceUnchanged()
  })

  it('B’s own watch of the same vendor is separate from A’s', async () => {
    await addVendorToWatchlist(bob.id, 'own-0')
    await updateWatchPreferences(bob.id, 'own-0', { allComponents: true, componentIds: [], minImpact: 'any', maintenanceAlerts: true, deliveryMode: 'instant' })
    await removeVendorFromWatchlist(bob.id, 'own-0')
    await aliceUnchanged()
  })

  it('a component id of another vendor is refused and changes nothing', async () => {
    await expect(
      updateWatchPreferences(alice.id, 'own-0', { allComponents: false, componentIds: [componentOfOther], minImpact: 'any', maintenanceAlerts: true, deliveryMode: 'instant' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await aliceUnchanged()
  })
})
