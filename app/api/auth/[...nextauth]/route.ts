// Auth.js's own endpoints (session, CSRF, sign-out, provider callbacks). Our pages sign in through
// server actions; these stay for the session cookie's lifecycle and future providers. Auth.js
// reads a POST body whole, and anyone may post here, so the body is capped first (413 past 1 MiB).
import { MAX_AUTH_BODY_BYTES, withBodyCap } from '@/lib/api/request-body'
import { handlers } from '@/lib/auth/config'

export const { GET } = handlers
export const POST = withBodyCap(handlers.POST, MAX_AUTH_BODY_BYTES)
