// `npm test`: every check a change must pass, in the order that fails fastest.
//   types -> lint (layer boundaries, no any / !) -> schema/migration drift -> unit -> integration on PGlite
//   -> integration on PostgreSQL (when TEST_DATABASE_URL is set) -> production build -> e2e in Chromium
// Each step is the same command a developer can run alone (see README).
import { spawnSync } from 'node:child_process'

const bin = (name: string) => `node_modules/.bin/${name}`
const withoutDatabaseUrl = (extra: Record<string, string> = {}) => {
  const env = { ...process.env, ...extra }
  delete env.DATABASE_URL
  delete env.TEST_DATABASE_URL
  return env
}

interface Step {
  name: string
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
  skip?: string
}

const pgUrl = process.env.TEST_DATABASE_URL
const steps: Step[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint (eslint: layer boundaries, no any, no !)', command: bin('eslint'), args: ['.'] },
  { name: 'migration drift (db:check)', command: process.execPath, args: ['scripts/db.mjs', 'check', '--quiet'], env: withoutDatabaseUrl({ PGLITE_DIR: '.data/check/db' }) },
  { name: 'unit tests', command: bin('vitest'), args: ['run', '--project', 'unit'] },
  { name: 'integration tests on PGlite', command: bin('vitest'), args: ['run', '--project', 'int'], env: withoutDatabaseUrl() },
  {
    name: 'integration tests on PostgreSQL',
    command: bin('vitest'),
    args: ['run', '--project', 'int'],
    skip: pgUrl ? undefined : 'TEST_DATABASE_URL is not set (CI sets it; concurrency tests need it)',
  },
  { name: 'production build', command: bin('next'), args: ['build'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
  { name: 'end-to-end tests (Playwright, Chromium)', command: bin('playwright'), args: ['test'] },
  {
    name: 'end-to-end tests in the default configuration (in-process scheduler running)',
    command: bin('playwright'),
    args: ['test', '-c', 'playwright.scheduler.config.ts'],
  },
]

const results: { name: string; outcome: string; seconds: number }[] = []
for (const step of steps) {
  if (step.skip) {
    results.push({ name: step.name, outcome: `skipped: ${step.skip}`, seconds: 0 })
    continue
  }
  console.log(`\n━━ ${step.name} ━━`)
  const started = Date.now()
  const run = spawnSync(step.command, step.args, { stdio: 'inherit', env: step.env ?? process.env })
  const seconds = Math.round((Date.now() - started) / 100) / 10
  results.push({ name: step.name, outcome: run.status === 0 ? 'passed' : 'FAILED', seconds })
  if (run.status !== 0) break
}

console.log('\n━━ summary ━━')
for (const r of results) console.log(`${r.outcome === 'FAILED' ? '✗' : r.outcome === 'passed' ? '✓' : '–'} ${r.name}: ${r.outcome}${r.seconds ? ` (${r.seconds}s)` : ''}`)
const failed = results.some((r) => r.outcome === 'FAILED') || results.length < steps.length
process.exit(failed ? 1 : 0)
