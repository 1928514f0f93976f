// `npm start`: the whole self-hosted app in one command.
//   1. builds the production bundle when there is none (or the sources are newer than it),
//   2. applies pending migrations and seeds the vendor catalog (embedded PGlite by default,
//      PostgreSQL when DATABASE_URL is set),
//   3. serves http://localhost:$PORT (default 3000) with Next.js behind scripts/server.mjs.
// Steps 1 and 2 run in child processes that exit before the server starts, because the
// embedded database can only be open in one process at a time.
import { spawn, type SpawnOptions } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { runCli } from '@/lib/cli/known-failure.mjs'
import { serverProcess } from './server-node-flags.mjs'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
const port = process.env.PORT || '3000'
// PORT is passed on so the server's in-process scheduler knows where to reach itself.
const childEnv = { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: process.env.AUTH_SECRET || localAuthSecret() }

/**
 * The production server refuses to run without AUTH_SECRET. For a zero-setup self-hosted start we
 * generate a random one once and keep it next to the embedded database, so sessions survive
 * restarts and no two installations share a secret.
 */
function localAuthSecret(): string {
  const file = path.join('.data', 'auth-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync('.data', { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
    console.log(`[start] AUTH_SECRET is not set: generated one in ${file}`)
  }
  return fs.readFileSync(file, 'utf8').trim()
}

function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: childEnv, ...options })
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

const bin = (name: string) => path.join('node_modules', '.bin', name)

/** The newest modification time under the paths that make up the production build. */
function newestSourceMtime(paths: string[]): number {
  let newest = 0
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return
    const stat = fs.statSync(p)
    if (stat.isDirectory()) {
      if (path.basename(p) === 'generated') return
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry))
    } else newest = Math.max(newest, stat.mtimeMs)
  }
  paths.forEach(visit)
  return newest
}

function buildIsCurrent(): boolean {
  const buildId = path.join('.next', 'BUILD_ID')
  if (!fs.existsSync(buildId)) return false
  const built = fs.statSync(buildId).mtimeMs
  return newestSourceMtime(['app', 'components', 'lib', 'next.config.js', 'postcss.config.mjs', 'package.json', 'instrumentation.ts']) <= built
}

async function main(): Promise<number> {
  if (!buildIsCurrent()) {
    console.log('[start] building the production bundle (first start or sources changed)…')
    const code = await run(bin('next'), ['build'])
    if (code !== 0) return code
  }
  console.log('[start] preparing the database…')
  // The server's Node settings (scripts/server-node-flags.mjs) here too: the schema engine and
  // Prisma's query compiler are Wasm as well (measured on a fresh database: deploy peaked at
  // 1,089 MB without --liftoff-only, 605 MB with; seed 879 and 317 MB).
  const node = serverProcess(childEnv)
  let code = await run(process.execPath, [...node.flags, 'scripts/db.mjs', 'deploy'], { env: node.env })
  if (code !== 0) return code
  code = await run(process.execPath, [...node.flags, '--import', 'tsx', 'scripts/seed.ts'], { env: node.env })
  if (code !== 0) return code

  // Cached vendor pages are renderings of the database as it was when they were made, possibly a
  // different database (a reset, the e2e suite, a benchmark): never serve them to a new server.
  fs.rmSync(path.join('.next', 'server', 'route-cache'), { recursive: true, force: true })
  // Our server rather than `next start`: it hands the app each request's peer address (scripts/server.mjs).
  // NEXT_MANUAL_SIG_HANDLE: the server's own stop handler (lib/jobs/graceful-stop.ts) ends the
  // refresh and closes the database before exiting, instead of Next waiting for the cycle's request.
  // serverProcess: WebAssembly without TurboFan tier-up (~500 MB less peak memory) and a frugal V8
  // heap unless NODE_OPTIONS says otherwise (scripts/server-node-flags.mjs).
  // EMBEDDED_DB_AUTO_MIGRATE=false: the deploy above just applied the migrations in a process that
  // has exited; otherwise the server would load Prisma's schema engine (Wasm) at its first query
  // only to find nothing to apply, and a Wasm module's memory stays with the process for good.
  const server = spawn(process.execPath, [...node.flags, 'scripts/server.mjs'], { stdio: 'inherit', env: { ...node.env, NEXT_MANUAL_SIG_HANDLE: 'true', EMBEDDED_DB_AUTO_MIGRATE: 'false' } })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.kill(signal)
      // The server stops itself within 5 s; past 10 s (a runtime's usual grace) something hangs.
      setTimeout(() => server.kill('SIGKILL'), 10_000).unref()
    })
  }
  return new Promise((resolve) =>
    server.on('exit', (c, signal) => {
      console.log(`[start] server exited (${signal ?? `code ${c}`})`)
      resolve(c ?? (signal ? 0 : 1))
    }),
  )
}

// Its steps print their own one-line failures (see lib/cli/known-failure.mjs) and exit non-zero; start passes the code on.
runCli('start', main)
