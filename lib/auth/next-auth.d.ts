// What our callbacks add to Auth.js's types.
import type { DefaultSession } from 'next-auth'

declare module 'next-auth' {
  interface User {
    sessionVersion?: number
  }
  interface Session {
    user: { id: string; email: string } & DefaultSession['user']
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    /** The user's sessionVersion when this token was issued. */
    sv?: number
    /** This session's id (see lib/accounts/sessions.ts); revoked at sign-out. */
    sid?: string
  }
}
