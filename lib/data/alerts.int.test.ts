// Unsubscribing can be undone: from the email's own link, from the dashboard banner or settings;
// and what is off is visible.
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { createTestUser, createTestVendors } from '@/lib/testing/accounts'
import { getAlertSwitches, setAccountAlerts, setWatchAlerts } from './alerts'
import { applyResubscribe, applyUnsubscribe, describeUnsubscribe } from './unsubscribe'
import { addVendorToWatchlist } from './watchlist'

let alice: { id: string }
let bob: { id: string }
const vendorId = async (slug: string) => (await db.vendor.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id

beforeAll(async () => {
  await createTestVendors('alerts', 3)
  alice = await createTestUser('alice-alerts@example.com')
  bob = await createTestUser('bob-alerts@example.com')
  for (const slug of ['alerts-0', 'alerts-1']) await addVendorToWatchlist(alice.id, slug)
  await addVendorToWatchlist(bob.id, 'alerts-2')
})

describe('one vendor’s alerts', () => {
  it('an unsubscribe link mutes the watch, the dashboard sees it, and the same link turns it back on', async () => {
    const scope = { userId: alice.id, vendorId: await vendorId('alerts-0') }
    expect(await applyUnsubscribe(scope)).toBe(true)
    expect(await getAlertSwitches(alice.id)).toEqual({ accountOn: true, mutedWatches: [{ slug: 'alerts-0', name: 'alerts 0' }] })
    expect(await describeUnsubscribe(scope)).toMatchObject({ alreadyOff: true })

    expect(await applyResubscribe(scope)).toBe(true)
    expect(await getAlertSwitches(alice.id)).toEqual({ accountOn: true, mutedWatches: [] })
    expect(await describeUnsubscribe(scope)).toMatchObject({ alreadyOff: false })
  })

  it('is turned back on from the dashboard by the signed-in user, and keeps its preferences', async () => {
    await db.watchlistEntry.updateMany({ where: { userId: alice.id, vendor: { slug: 'alerts-1' } }, data: { minImpact: 'major' } })
    await applyUnsubscribe({ userId: alice.id, vendorId: await vendorId('alerts-1') })
    expect(await setWatchAlerts(alice.id, 'alerts-1', true)).toBe(true)
    const entry = await db.watchlistEntry.findFirstOrThrow({ where: { userId: alice.id, vendor: { slug: 'alerts-1' } } })
    expect(entry).toMatchObject({ alertsEnabled: true, minImpact: 'major' })
  })

  it('cannot be switched by another user', async () => {
    await applyUnsubscribe({ userId: alice.id, vendorId: await vendorId('alerts-0') })
    expect(await setWatchAlerts(bob.id, 'alerts-0', true)).toBe(false)
    expect((await getAlertSwitches(alice.id)).mutedWatches.map((w) => w.slug)).toEqual(['alerts-0'])
    expect(await getAlertSwitches(bob.id)).toEqual({ accountOn: true, mutedWatches: [] })
    await setWatchAlerts(alice.id, 'alerts-0', true)
  })
})

describe('all alert emails', () => {
  it('an account-wide unsubscribe shows, and is undone by the link or by settings', async () => {
    const scope = { userId: alice.id, vendorId: null }
    await applyUnsubscribe(scope)
    expect(await getAlertSwitches(alice.id)).toMatchObject({ accountOn: false })
    expect(await getAlertSwitches(bob.id)).toMatchObject({ accountOn: true })
    await applyResubscribe(scope)
    expect(await getAlertSwitches(alice.id)).toMatchObject({ accountOn: true })

    await setAccountAlerts(alice.id, false)
    expect(await describeUnsubscribe(scope)).toMatchObject({ alreadyOff: true })
    await setAccountAlerts(alice.id, true)
    expect(await getAlertSwitches(alice.id)).toMatchObject({ accountOn: true })
  })
})
