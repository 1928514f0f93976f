// Saving a time zone refreshes that user's pages, not every visitor's cached pages.
import { expect, it, vi } from 'vitest'
import { getAccount } from '@/lib/data/users'
import { createTestUser } from '@/lib/testing/accounts'

const session = vi.hoisted(() => ({ user: { id: '', email: '' } }))
const revalidatePath = vi.hoisted(() => vi.fn())
vi.mock('@/lib/auth/session', () => ({ requireUser: async () => session.user, getOptionalUser: async () => session.user }))
vi.mock('next/cache', () => ({ revalidatePath }))
// Auth.js is not loaded under vitest; this action does not sign anyone in or out.
vi.mock('@/lib/auth/config', () => ({ signIn: vi.fn(), signOut: vi.fn() }))

const { updateTimeZoneAction } = await import('./actions')

it('saving a time zone revalidates only the pages that show it, never the whole site', async () => {
  session.user = await createTestUser('zoned@example.com')
  const form = new FormData()
  form.set('timeZone', 'Europe/Paris')
  expect(await updateTimeZoneAction(null, form)).toMatchObject({ ok: true })
  expect((await getAccount(session.user.id))?.timeZone).toBe('Europe/Paris')
  expect(revalidatePath.mock.calls.map((call) => call[0]).sort()).toEqual(['/dashboard', '/settings'])
  expect(revalidatePath).not.toHaveBeenCalledWith('/', expect.anything())
})
