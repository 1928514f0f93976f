// The only reader of process.env. Everything else imports `env` and gets typed, validated values.
// Validation runs once, at first import; a bad value stops the process with a message that names
// the variable, instead of failing later somewhere far away.
import { z } from 'zod'

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''], { error: 'must be true or false' })
  .optional()
  .transform((v) => v === 'true' || v === '1')

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  /** Data directory of the embedded database (only used without DATABASE_URL). */
  PGLITE_DIR: z.string().default('.data/pglite'),
  /** Public base URL, used for canonical links, feeds and links in emails. */
  APP_URL: z.url({ error: 'must be an absolute URL such as https://vendorwatch.example' }).default('http://localhost:3000'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),

  /** Bearer token GET /api/cron/refresh requires. Required in production for the route to run. */
  CRON_SECRET: optionalString,
  /** How often vendors are refreshed (and how often the in-process scheduler runs a cycle). */
  REFRESH_INTERVAL_SECONDS: z.coerce.number().int().min(10, 'must be at least 10').max(86_400).default(60),
  /** `in-process`: `npm start` runs the refresh itself; `external`: only the cron route does. */
  REFRESH_SCHEDULER: z.enum(['in-process', 'external'], { error: 'must be in-process or external' }).default('in-process'),
  /** Vendors checked at the same time within one cycle. */
  REFRESH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(48),
  /** Tests only: lets the ingest reach loopback and private addresses (local fixture servers). */
  INGEST_ALLOW_PRIVATE_NETWORK: booleanFlag,
})

export type Env = z.infer<typeof envSchema>

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Invalid environment configuration:\n${problems}\nSee the configuration table in README.md.`)
  }
  return result.data
}

export const env: Env = parseEnv(process.env)
export const isProduction = env.NODE_ENV === 'production'
/** Target time between two checks of a vendor (and between in-process refresh cycles). */
export const refreshIntervalMs = env.REFRESH_INTERVAL_SECONDS * 1000
