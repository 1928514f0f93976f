// The only reader of process.env. Everything else imports `env` and gets typed, validated values.
// Validation runs once, at first import; a bad value stops the process with a message that names
// the variable, instead of failing later somewhere far away.
import { z } from 'zod'

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))

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
