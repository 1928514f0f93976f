// Auth.js (next-auth v5) for the whole app: email + password through the Credentials provider,
// sessions as signed, encrypted JWT cookies (Credentials cannot use database sessions).
//
// Signing everyone else out: the token carries the user's `sessionVersion`; every session read
// compares it with the database, and a password change or reset bumps it. A token for a deleted
// user, or with an older version, is dropped (Auth.js clears the cookie).
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { authenticate } from '@/lib/accounts/sign-in'
import { createAuthAdapter } from '@/lib/data/auth-adapter'
import { getSessionState } from '@/lib/data/users'
import { env } from '@/lib/env'
import { credentialsSchema } from '@/lib/validation/auth'
import { clientIp } from './client-ip'
import { KNOWN_DEVICE_COOKIE, readCookie, verifyKnownDevice } from './known-device'

/** Too many attempts; the sign-in form says when to try again. */
export class SignInRateLimited extends CredentialsSignin {
  override code = 'rate_limited'
  constructor(readonly retryAfterMs: number) {
    super()
  }
}

const SESSION_MAX_AGE_S = 30 * 24 * 3600

const config = {
  secret: env.AUTH_SECRET,
  // Host comes from the request (or X-Forwarded-Host behind a proxy); APP_URL is for emails.
  trustHost: true,
  adapter: createAuthAdapter(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw)
        if (!parsed.success) return null
        const device = verifyKnownDevice(readCookie(request.headers.get('cookie'), KNOWN_DEVICE_COOKIE), parsed.data.email, env.AUTH_SECRET)
        const result = await authenticate(parsed.data, clientIp(request.headers), new Date(), device)
        if (result.ok) return result.user
        if (result.reason === 'rate_limited') throw new SignInRateLimited(result.retryAfterMs)
        return null
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) return { sub: user.id, email: user.email, sv: user.sessionVersion ?? 0 }
      if (!token.sub) return null
      const state = await getSessionState(token.sub)
      if (!state || state.sessionVersion !== token.sv) return null
      // The email can change (after re-verification); the token follows the database.
      return { ...token, email: state.email }
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub ?? '', email: token.email ?? '' } }
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return
      console.error('[auth]', error)
    },
  },
} satisfies NextAuthConfig

export const { handlers, auth, signIn, signOut } = NextAuth(config)
