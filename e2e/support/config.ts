// The end-to-end environment: ports kept away from a developer's own `npm start` on 3000.
// E2E_PORT moves the whole environment (app on E2E_PORT, stand-ins on the ports after it), so two
// checkouts can run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
export const E2E_APP_URL = `http://localhost:${E2E_PORT}`
/** The local stand-in for vendors' status pages (and its /__control endpoint for tests). */
export const STATUS_SERVER_PORT = E2E_PORT + 1
export const STATUS_SERVER_URL = `http://127.0.0.1:${STATUS_SERVER_PORT}`
export const E2E_CRON_SECRET = 'e2e-cron-secret'
/** Sessions of the e2e app are signed with this (production refuses to start without one). */
export const E2E_AUTH_SECRET = 'e2e-auth-secret-that-is-at-least-32-characters'
/** The local stand-in for the Resend API: the app sends every email there (EMAIL_TRANSPORT=resend). */
export const FAKE_RESEND_PORT = E2E_PORT + 2
export const FAKE_RESEND_URL = `http://127.0.0.1:${FAKE_RESEND_PORT}`
export const E2E_RESEND_KEY = 're_test_key'
/** The local stand-in for the Stripe API, its hosted Checkout and portal pages, and its /__deliveries log. */
export const FAKE_STRIPE_PORT = E2E_PORT + 3
export const FAKE_STRIPE_URL = `http://127.0.0.1:${FAKE_STRIPE_PORT}`
export const E2E_STRIPE_SECRET_KEY = 'sk_test_e2e'
export const E2E_STRIPE_WEBHOOK_SECRET = 'whsec_e2e_local_stand_in_signing_secret'
/** The Pro plan's price in the stand-in: $9.00 a month. */
export const E2E_STRIPE_PRICE_PRO = 'price_pro_e2e'
/** The local stand-ins for Slack (Web API + OAuth authorize page), Discord, Google Chat and Teams webhooks (lib/testing/fake-chat.ts). */
export const FAKE_CHAT_PORT = E2E_PORT + 7
export const FAKE_CHAT_URL = `http://127.0.0.1:${FAKE_CHAT_PORT}`
export const E2E_SLACK_CLIENT_ID = 'e2e-slack-client-id'
export const E2E_SLACK_CLIENT_SECRET = 'e2e-slack-client-secret'
/** channels-core's stand-ins: PagerDuty Events (/pagerduty/v2/enqueue) and signature-verifying webhook receivers (/hooks/<name>). */
export const CHANNEL_STANDINS_PORT = E2E_PORT + 6
export const CHANNEL_STANDINS_URL = `http://127.0.0.1:${CHANNEL_STANDINS_PORT}`
