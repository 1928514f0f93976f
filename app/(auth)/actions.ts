'use server'

import { signOut } from '@/lib/auth/config'

/** The header's "Sign out": clears the session cookie and goes home. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' })
}
