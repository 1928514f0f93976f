// The only reader of process.env. Everything else imports `env` and gets typed, validated values.
// Validation runs once, at first import; a bad value stops the process with a message that names
// the variable, instead of failing later somewhere far away.
// server-only: the secrets live here; a Client Component that reaches them fails the build.
import 'server-only'
import { z } from 'zod'

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''], { error: 'must be true or false' })
  .optional()
  .transform((v) => v === 'true' || v === '1')

/** How the client's address is found: see lib/auth/client-ip.ts. A number is a count of our proxies. */
export type TrustProxy = 'none' | 'vercel' | 'cloudflare' | number

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  /** PostgreSQL: give up opening a connection after this long (a server that accepts and never answers). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(3_000),
  /** PostgreSQL: the server cancels any one statement that runs longer. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  /** PostgreSQL: an unused pooled connection is closed after this long. */
  DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** Data directory of the embedded database (only used without DATABASE_URL). */
  PGLITE_DIR: z.string().default('.data/pglite'),
  /** Folder of the committed migrations the embedded database applies on its first query. */
  PRISMA_MIGRATIONS: z.string().min(1).default('prisma/migrations'),
  /** `0`/`false`: the embedded database is opened as it is, without applying migrations. */
  EMBEDDED_DB_AUTO_MIGRATE: z
    .enum(['true', 'false', '1', '0', ''], { error: 'must be true or false' })
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  /** Another build of the schema engine's .wasm (same wasm-bindgen ABI) to migrate with; unset: the installed one. */
  SCHEMA_ENGINE_WASM: optionalString,
  /** Public base URL, used for canonical links, feeds and links in emails. Unset: http://localhost:$PORT. */
  APP_URL: optionalString.pipe(z.url({ error: 'must be an absolute URL such as https://vendorwatch.example' }).optional()),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),

  /** Bearer token GET /api/cron/refresh requires. Required in production for the route to run. */
  CRON_SECRET: optionalString,
  /** Bearer token that unlocks /api/health's details (as CRON_SECRET also does), for monitoring without the cron secret. */
  OPERATOR_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters (openssl rand -base64 24)').optional()),
  /** How often vendors are refreshed (and how often the in-process scheduler runs a cycle). */
  REFRESH_INTERVAL_SECONDS: z.coerce.number().int().min(10, 'must be at least 10').max(86_400).default(60),
  /** `in-process`: `npm start` runs the refresh itself; `external`: only the cron route does. */
  REFRESH_SCHEDULER: z.enum(['in-process', 'external'], { error: 'must be in-process or external' }).default('in-process'),
  /** Vendors checked at the same time within one cycle. */
  REFRESH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(48),
  /** Tests only: lets the ingest reach loopback and private addresses (local fixture servers). */
  INGEST_ALLOW_PRIVATE_NETWORK: booleanFlag,
  /** Key that seals destination settings (tokens, webhook URLs, routing keys) at rest; unset: derived from AUTH_SECRET. */
  DESTINATIONS_SECRET_KEY: optionalString.pipe(z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional()),
  /** Tests only: lets destination URLs (webhooks, chat webhooks) reach loopback and private addresses. */
  CHANNELS_ALLOW_PRIVATE_NETWORK: booleanFlag,
  /** Channel deliveries in flight at once (each to a different destination). */
  CHANNELS_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(100),
  /** Tests only: the PagerDuty Events API v2 base URL (a local stand-in). */
  PAGERDUTY_EVENTS_URL: optionalString.pipe(z.url({ error: 'must be an absolute URL' }).optional()),

  /** Signs and encrypts session cookies (Auth.js). Required in production; see authSecret below. */
  AUTH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional()),
  /** `resend`: sent through Resend. `log`: every message is written as a JSON file into EMAIL_LOG_DIR. */
  EMAIL_TRANSPORT: z.enum(['log', 'resend'], { error: 'must be log or resend' }).default('log'),
  RESEND_API_KEY: optionalString,
  /** Tests only: a local stand-in for the Resend API. */
  RESEND_BASE_URL: optionalString.pipe(z.url({ error: 'must be an absolute URL' }).optional()),
  EMAIL_LOG_DIR: z.string().default('.data/mail'),
  /** The From of every message we send. */
  EMAIL_FROM: z.string().min(3).default('Vendorwatch <no-reply@vendorwatch.localhost>'),

  /** Stripe (the Pro plan). All three set: billing on; none set: the app runs free-only. */
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  /** The recurring Price the Pro plan subscribes to (price_...). */
  STRIPE_PRICE_PRO: optionalString,
  /** Tests only: a local stand-in for the Stripe API (http://127.0.0.1:12111). */
  STRIPE_API_BASE: optionalString.pipe(z.url({ error: 'must be an absolute URL' }).optional()),
  /** Slack app ("Add to Slack"): both set turns Slack destinations on; neither: the settings page says Slack is not configured. */
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  /** Tests only: a local stand-in for Slack's Web API (the client's `slackApiUrl`), ending in `/`. */
  SLACK_API_URL: optionalString.pipe(z.url({ error: 'must be an absolute URL' }).optional()),
  /** Tests only: a local stand-in for Slack's OAuth authorize page (https://slack.com/oauth/v2/authorize). */
  SLACK_AUTHORIZE_URL: optionalString.pipe(z.url({ error: 'must be an absolute URL' }).optional()),
  /** Tests only: a base URL (a local stand-in) accepted as a Discord, Google Chat or Teams webhook URL besides the services' own hosts. */
  CHAT_WEBHOOK_TEST_BASE_URL: optionalString.pipe(z.url({ error: 'must be an absolute URL' }).optional()),
  /**
   * Where the client's address comes from (rate limits key on it); see "Security" in README.md.
   * `none`: the TCP peer (the app is reached directly); 1-10: that many proxies of ours append to
   * X-Forwarded-For; `vercel` / `cloudflare`: the platform's own header. Default: `vercel` on
   * Vercel, otherwise `none`.
   */
  TRUST_PROXY: optionalString.pipe(
    z
      .string()
      .regex(/^(none|vercel|cloudflare|[1-9]|10)$/, 'must be none, a number of proxies from 1 to 10, vercel or cloudflare')
      .transform((v): TrustProxy => (/^\d+$/.test(v) ? Number(v) : (v as TrustProxy)))
      .optional(),
  ),
  /** Set by Vercel on its deployments; picks the default TRUST_PROXY. */
  VERCEL: optionalString,
  /** Set by Next.js itself while `next build` runs (no request is ever served then). */
  NEXT_PHASE: optionalString,
})

export type Env = Omit<z.infer<typeof envSchema>, 'TRUST_PROXY'> & { AUTH_SECRET: string; APP_URL: string; TRUST_PROXY: TrustProxy }

/**
 * Used when AUTH_SECRET is unset outside production (dev server, tests). It is public, so anyone
 * could forge a session with it: production refuses to start without a real secret.
 */
export const DEVELOPMENT_AUTH_SECRET = 'vendorwatch-development-only-secret-never-use-in-production'
const BUILD_PHASE = 'phase-production-build'

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Invalid environment configuration:\n${problems}\nSee the configuration table in README.md.`)
  }
  const parsed = result.data
  if (parsed.EMAIL_TRANSPORT === 'resend' && !parsed.RESEND_API_KEY) {
    throw new Error('Invalid environment configuration:\n  RESEND_API_KEY: is required when EMAIL_TRANSPORT=resend\nSee the configuration table in README.md.')
  }
  const stripe = { STRIPE_SECRET_KEY: parsed.STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: parsed.STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_PRO: parsed.STRIPE_PRICE_PRO }
  const missingStripe = Object.entries(stripe).filter(([, v]) => !v).map(([k]) => k)
  // Half a configuration would take money and never hear about it (or the reverse): refuse it.
  if (missingStripe.length > 0 && missingStripe.length < 3) {
    const problems = missingStripe.map((k) => `  ${k}: is required when any of ${Object.keys(stripe).join(', ')} is set`).join('\n')
    throw new Error(`Invalid environment configuration:\n${problems}\nSee the configuration table in README.md.`)
  }
  if (Boolean(parsed.SLACK_CLIENT_ID) !== Boolean(parsed.SLACK_CLIENT_SECRET)) {
    const missing = parsed.SLACK_CLIENT_ID ? 'SLACK_CLIENT_SECRET' : 'SLACK_CLIENT_ID'
    throw new Error(`Invalid environment configuration:\n  ${missing}: is required when SLACK_CLIENT_ID or SLACK_CLIENT_SECRET is set\nSee the configuration table in README.md.`)
  }
  // `next build` evaluates modules but serves nobody, so it may run without the secret.
  if (!parsed.AUTH_SECRET && parsed.NODE_ENV === 'production' && parsed.NEXT_PHASE !== BUILD_PHASE) {
    throw new Error(
      'Invalid environment configuration:\n  AUTH_SECRET: is required in production (generate one with `openssl rand -base64 32`)\nSee the configuration table in README.md.',
    )
  }
  // A server started on another port must not email links to localhost:3000, where nothing answers.
  const APP_URL = parsed.APP_URL ?? `http://localhost:${parsed.PORT}`
  const trustProxy = parsed.TRUST_PROXY ?? (parsed.VERCEL ? 'vercel' : 'none')
  return { ...parsed, APP_URL, AUTH_SECRET: parsed.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET, TRUST_PROXY: trustProxy }
}

export const env: Env = parseEnv(process.env)
export const isProduction = env.NODE_ENV === 'production'
/** Target time between two checks of a vendor (and between in-process refresh cycles). */
/** Stripe is configured: the Pro plan can be bought. Otherwise the app runs free-only. */
export const billingEnabled = Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET && env.STRIPE_PRICE_PRO)
export const refreshIntervalMs = env.REFRESH_INTERVAL_SECONDS * 1000
/** A Slack app is configured: "Add to Slack" works. Otherwise the settings page says Slack is not configured here. */
export const slackEnabled = Boolean(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET)
