// The Playwright web server: local stand-ins for the outside world, a fresh database with the
// test vendors imported, then the app exactly as `npm start` runs it.
//   TEST_DATABASE_URL set -> a fresh `vendorwatch_e2e_<E2E_PORT>` database on that server (named by
//                            port, so two checkouts' suites on one server never drop each other's)
//   otherwise             -> a fresh embedded database in a temporary directory
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import { startFakeChat } from '@/lib/testing/fake-chat'
import { startFakeResend } from '@/lib/testing/fake-resend'
import { startFakeStripe } from '@/lib/testing/fake-stripe'
import { startChannelStandins } from '@/lib/testing/channel-standins'
import {
  CHANNEL_STANDINS_PORT,
  CHANNEL_STANDINS_URL,
  E2E_APP_URL,
  E2E_AUTH_SECRET,
  E2E_CRON_SECRET,
  E2E_PORT,
  E2E_RESEND_KEY,
  E2E_SLACK_CLIENT_ID,
  E2E_SLACK_CLIENT_SECRET,
  E2E_STRIPE_PRICE_PRO,
  E2E_STRIPE_SECRET_KEY,
  E2E_STRIPE_WEBHOOK_SECRET,
  FAKE_CHAT_PORT,
  FAKE_CHAT_URL,
  FAKE_RESEND_PORT,
  FAKE_RESEND_URL,
  FAKE_STRIPE_PORT,
  FAKE_STRIPE_URL,
} from './config'
import { startStatusPages } from './status-pages'

const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(E2E_PORT),
  APP_URL: E2E_APP_URL,
  CRON_SECRET: E2E_CRON_SECRET,
  // Tests decide when a refresh happens (through the cron route), and it may reach the local stand-ins.
  REFRESH_SCHEDULER: 'external',
  INGEST_ALLOW_PRIVATE_NETWORK: 'true',
  AUTH_SECRET: E2E_AUTH_SECRET,
  // The production email path (the Resend SDK), pointed at a local stand-in.
  EMAIL_TRANSPORT: 'resend',
  RESEND_API_KEY: E2E_RESEND_KEY,
  RESEND_BASE_URL: FAKE_RESEND_URL,
  // Billing through the Stripe SDK, pointed at a local stand-in that signs its webhooks with this secret.
  STRIPE_SECRET_KEY: E2E_STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: E2E_STRIPE_WEBHOOK_SECRET,
  STRIPE_PRICE_PRO: E2E_STRIPE_PRICE_PRO,
  STRIPE_API_BASE: FAKE_STRIPE_URL,
  // Slack as a Slack app, the Web API client and the OAuth authorize page pointed at a local stand-in;
  // Discord, Google Chat and Teams webhook URLs of that stand-in are accepted at save time.
  SLACK_CLIENT_ID: E2E_SLACK_CLIENT_ID,
  SLACK_CLIENT_SECRET: E2E_SLACK_CLIENT_SECRET,
  SLACK_API_URL: `${FAKE_CHAT_URL}/slack/api/`,
  SLACK_AUTHORIZE_URL: `${FAKE_CHAT_URL}/slack/oauth/authorize`,
  CHAT_WEBHOOK_TEST_BASE_URL: `${FAKE_CHAT_URL}/`,
  // Destinations: webhooks may point at the local receivers; PagerDuty's Events API is the stand-in.
  CHANNELS_ALLOW_PRIVATE_NETWORK: 'true',
  PAGERDUTY_EVENTS_URL: `${CHANNEL_STANDINS_URL}/pagerduty`,
}
let cleanup = () => {}

const serverUrl = process.env.TEST_DATABASE_URL
if (serverUrl) {
  const database = `vendorwatch_e2e_${E2E_PORT}`
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  await adminQuery(serverUrl, `CREATE DATABASE ${database}`)
  env.DATABASE_URL = databaseUrl(serverUrl, database)
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorwatch-e2e-'))
  delete env.DATABASE_URL
  env.PGLITE_DIR = path.join(dir, 'db')
  cleanup = () => fs.rmSync(dir, { recursive: true, force: true })
}

const statusPages = await startStatusPages()
const resend = await startFakeResend({ port: FAKE_RESEND_PORT, apiKey: E2E_RESEND_KEY })
const chat = await startFakeChat({ port: FAKE_CHAT_PORT, clientId: E2E_SLACK_CLIENT_ID, clientSecret: E2E_SLACK_CLIENT_SECRET })
const stripe = await startFakeStripe({
  port: FAKE_STRIPE_PORT,
  secretKey: E2E_STRIPE_SECRET_KEY,
  webhookSecret: E2E_STRIPE_WEBHOOK_SECRET,
  webhookUrl: `${E2E_APP_URL}/api/webhooks/stripe`,
  prices: { [E2E_STRIPE_PRICE_PRO]: { unit_amount: 900, currency: 'usd', interval: 'month' } },
})

const channels = await startChannelStandins({ port: CHANNEL_STANDINS_PORT })

const step = (args: string[]) => {
  const run = spawnSync(args[0] as string, args.slice(1), { stdio: 'inherit', env })
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed`)
}
step([process.execPath, 'scripts/db.mjs', 'deploy', '--quiet'])
step(['node_modules/.bin/tsx', 'e2e/support/prepare-db.ts'])

const app = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], { stdio: 'inherit', env })
const stop = () => app.kill('SIGTERM')
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
app.on('exit', async (code) => {
  await statusPages.close()
  await resend.close()
  await stripe.close()
  await chat.close()
  await channels.close()
  cleanup()
  process.exit(code ?? 0)
})
