'use server'
// Shared server action: the header's account menu (on every page) signs out through it.

import { signOut } from '@/lib/auth/config'

/**
 * The header's "Sign out": clears the session cookie and goes home. A plain form action, not
 * through `userAction`: it has no form to parse and no state to show, and signOut's redirect is
 * its whole answer.
 */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' })
}
