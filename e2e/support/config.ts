// The end-to-end environment: ports kept away from a developer's own `npm start` on 3000.
// E2E_PORT moves the whole environment (app on E2E_PORT, stand-ins on the ports after it), so two
// checkouts can run their suites side by side.
import os from 'node:os'
import path from 'node:path'

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
export const E2E_APP_URL = `http://localhost:${E2E_PORT}`
/** The local stand-in for vendors' status pages (and its /__control endpoint for tests). */
export const STATUS_SERVER_PORT = E2E_PORT + 1
export const STATUS_SERVER_URL = `http://127.0.0.1:${STATUS_SERVER_PORT}`
export const E2E_CRON_SECRET = 'e2e-cron-secret'
/** Sessions of the e2e app are signed with this (production refuses to start without one). */
export const E2E_AUTH_SECRET = 'e2e-auth-secret-that-is-at-least-32-characters'
/** The e2e app's EMAIL_TRANSPORT=log folder: specs read verification and reset links from it. */
export const E2E_MAIL_DIR = path.join(os.tmpdir(), `vendorwatch-e2e-mail-${E2E_PORT}`)
