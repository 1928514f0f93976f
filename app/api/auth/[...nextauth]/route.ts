// Auth.js's own endpoints (session, CSRF, sign-out, provider callbacks). Our pages sign in through
// server actions; these stay for the session cookie's lifecycle and future providers.
import { handlers } from '@/lib/auth/config'

export const { GET, POST } = handlers
