// The watchlist actions take the user from the session only: forged fields in the form (another
// user's id, a watch id, someone's component) change nothing of anyone else's.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db/client'
import { getWatchPreferences } from '@/lib/data/watch-preferences'
import { addVendorToWatchlist, listWatchedSlugs } from '@/lib/data/watchlist'
import { createTestUser, createTestVendors } from '@/lib/testing/accounts'

const session = vi.hoisted(() => ({ user: { id: '', email: '' } }))
vi.mock('@/lib/auth/session', () => ({ requireUser: async () => session.user, getOptionalUser: async () => session.user }))
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))

const { toggleWatchAction } = await import('@/lib/actions/watch')
const { saveWatchPreferencesAction } = await import('./[vendorSlug]/actions')

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) data.append(k, item)
  return data
}

let alice: { id: string; email: string }
let bob: { id: string; email: string }
let aliceEntryId: string

beforeAll(async () => {
  await createTestVendors('act', 2)
  alice = await createTestUser('alice-actions@example.com')
  bob = await createTestUser('bob-actions@example.com')
  await addVendorToWatchlist(alice.id, 'act-0')
  aliceEntryId = (await db.watchlistEntry.findFirstOrThrow({ where: { userId: alice.id } })).id
})

describe('watchlist actions as user B', () => {
  it('unwatching A’s vendor with A’s user id and entry id in the form only touches B', async () => {
    session.user = bob
    const state = await toggleWatchAction(null, form({ vendor: 'act-0', intent: 'unwatch', userId: alice.id, id: aliceEntryId }))
    expect(state).toEqual({ ok: true, watched: false })
    expect(await listWatchedSlugs(alice.id)).toEqual(['act-0'])
  })

  it('watching with A’s user id in the form watches for B, not A', async () => {
    session.user = bob
    await toggleWatchAction(null, form({ vendor: 'act-1', intent: 'watch', userId: alice.id }))
    expect(await listWatchedSlugs(alice.id)).toEqual(['act-0'])
    expect(await listWatchedSlugs(bob.id)).toEqual(['act-1'])
  })

  it('saving preferences for a vendor only A watches is refused and leaves A’s alone', async () => {
    session.user = bob
    const before = await getWatchPreferences(alice.id, 'act-0')
    const state = await saveWatchPreferencesAction(
      null,
      form({ vendor: 'act-0', scope: 'all', minImpact: 'major', delivery: 'digest', userId: alice.id, entryId: aliceEntryId }),
    )
    expect(state).toMatchObject({ ok: false, formError: expect.stringContaining('out of date') })
    expect(await getWatchPreferences(alice.id, 'act-0')).toEqual(before)
  })

  it('A’s own save works (the refusal above is about ownership, not the form)', async () => {
    session.user = alice
    const state = await saveWatchPreferencesAction(null, form({ vendor: 'act-0', scope: 'all', minImpact: 'major', delivery: 'digest' }))
    expect(state).toEqual({ ok: true, message: 'Alert preferences saved.' })
    expect(await getWatchPreferences(alice.id, 'act-0')).toMatchObject({ minImpact: 'major', deliveryMode: 'digest', maintenanceAlerts: false })
  })

  it('a form with invalid values returns field errors and keeps what was typed', async () => {
    session.user = alice
    const state = await saveWatchPreferencesAction(null, form({ vendor: 'act-0', scope: 'chosen', minImpact: 'huge', delivery: 'instant' }))
    expect(state).toMatchObject({ ok: false, fieldErrors: { minImpact: [expect.any(String)] }, values: { vendor: 'act-0', scope: 'chosen' } })
  })
})
