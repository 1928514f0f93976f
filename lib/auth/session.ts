// The signed-in user, for pages and server actions. Both helpers read the session once per
// request (React cache) and only return users whose session is still valid (see config.ts).
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { auth } from './config'
import { authHref } from './return-path'

export interface SessionUser {
  id: string
  email: string
}

export const getOptionalUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth()
  const id = session?.user?.id
  return id ? { id, email: session.user.email } : null
})

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo` afterwards. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getOptionalUser()
  if (!user) redirect(authHref('/sign-in', { next: returnTo }))
  return user
}
