// Auth.js (next-auth v5) for the whole app: email + password through the Credentials provider,
// sessions as signed, encrypted JWT cookies (Credentials cannot use database sessions). No Auth.js
// database adapter: with Credentials + JWT it would never be called; our own tables (User,
// RevokedSession, AuthToken) hold what sessions and emailed links need.
//
// Ending sessions although they are stateless: every session read checks the token against the
// database (lib/accounts/sessions.ts). A password change or reset signs every session out
// (sessionVersion); signing out revokes that one session's id, so a copied cookie dies with it.
// A token that fails the check is dropped (Auth.js clears the cookie).
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { checkSession, endSession, SESSION_MAX_AGE_S, startSession } from '@/lib/accounts/sessions'
import { authenticate } from '@/lib/accounts/sign-in'
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

const config = {
  secret: env.AUTH_SECRET,
  // Host comes from the request (or X-Forwarded-Host behind a proxy); APP_URL is for emails.
  trustHost: true,
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
      if (user?.id) return startSession({ id: user.id, email: user.email ?? '', sessionVersion: user.sessionVersion ?? 0 })
      // The email can change (after re-verification); the token follows the database.
      return checkSession(token)
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub ?? '', email: token.email ?? '' } }
    },
  },
  events: {
    // Awaited before the cookie is cleared; a failure is logged by Auth.js and the browser is
    // still signed out (only a copy of the cookie would outlive it).
    async signOut(message) {
      if ('token' in message && message.token) await endSession(message.token, new Date())
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
