// The production server for the page and search benchmarks, on a private copy of the build.
//
// Which server: the one `npm start` runs, scripts/server.mjs (Next.js's request handler behind a
// Node server, hostname "localhost"), with the server's Node flags. Not `next start -H 127.0.0.1`:
// there the router compared the directory's rewrite (proxy.ts: /vendors?q= -> /directory-view/…)
// against http://127.0.0.1:… while the proxy's own URL said http://localhost:…, took it for another
// origin's and fetched it over HTTP from itself: every directory view cost two requests (seen as
// httpxy and an HTTP client in the server's CPU profile, x-middleware-rewrite absolute), a path no
// user's server takes.
//
// Why a copy: ISR writes every page it renders into the build directory
// (.next/server/route-cache/...), and the bench renders pages of made-up vendors under real slugs.
// Written to the checkout's own .next they would outlive the bench and could be served by the next
// server there (e2e runs, a developer's server); pages that server cached would likewise be
// served to the bench as hits. And a rebuild by someone else mid-run would pull the build out from
// under the server. So the build is copied without its caches (~15 MB) into a temp directory that
// is removed afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { unusedPort } from '../../lib/testing/ports'
import { SERVER_NODE_FLAGS } from '../server-node-flags.mjs'
import { serverChildNodeOptions, smallHostRequested } from './small-host'

const NEXT = path.resolve('node_modules', '.bin', 'next')
/** What `npm start` serves with (scripts/start.ts), and its one import. */
const SERVER_SCRIPT = 'scripts/server.mjs'
const BUILD_SOURCES = ['app', 'components', 'lib', 'next.config.js', 'postcss.config.mjs', 'package.json', 'instrumentation.ts']

export interface BuildInfo {
  builtAt: Date
  /** Sources changed after the build: the bench measures the build, not the working tree. */
  sourcesNewer: boolean
  builtNow: boolean
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  if (path.basename(p) === 'generated') return 0
  return Math.max(0, ...fs.readdirSync(p).map((entry) => newestMtime(path.join(p, entry))))
}

/**
 * Builds only when there is no build at all. A build older than the sources is used as it is and
 * reported: others may be editing the tree, and rebuilding under them is not the bench's call.
 */
export function ensureBuild(): BuildInfo {
  const buildId = path.join('.next', 'BUILD_ID')
  let builtNow = false
  if (!fs.existsSync(buildId)) {
    console.log('no production build (.next/BUILD_ID): running next build…')
    const result = spawnSync(NEXT, ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`)
    builtNow = true
  }
  const builtAt = fs.statSync(buildId).mtime
  return { builtAt, builtNow, sourcesNewer: Math.max(...BUILD_SOURCES.map(newestMtime)) > builtAt.getTime() }
}

function snapshotBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorwatch-bench-pages-'))
  const caches = new Set([path.resolve('.next', 'cache'), path.resolve('.next', 'server', 'route-cache')])
  // verbatimSymlinks: .next/node_modules holds relative links to ../../node_modules, which the
  // node_modules link below satisfies.
  fs.cpSync('.next', path.join(dir, '.next'), { recursive: true, verbatimSymlinks: true, filter: (src) => !caches.has(path.resolve(src)) })
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir')
  // next.config.js names its cacheHandler relative to itself (lib/cache/page-cache-handler.mjs).
  fs.mkdirSync(path.join(dir, 'lib', 'cache'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'lib', 'http'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'scripts'), { recursive: true })
  for (const file of ['package.json', 'next.config.js', 'lib/cache/page-cache-handler.mjs', SERVER_SCRIPT, 'lib/http/peer-address.mjs']) fs.copyFileSync(file, path.join(dir, file))
  return dir
}

export interface NextServer {
  baseUrl: string
  pid: number
  logFile: string
  stop: () => Promise<void>
}

export async function startNextServer(databaseUrl: string): Promise<NextServer> {
  const dir = snapshotBuild()
  const port = await unusedPort()
  const logFile = path.join(dir, 'next.log')
  const log = fs.openSync(logFile, 'a')
  // With the Node flags and heap defaults `npm start` gives the server (scripts/server-node-flags.mjs),
  // and with `--small-host` the 512 MB host's NODE_OPTIONS, so the pages are measured as users run them.
  const nodeOptions = serverChildNodeOptions(smallHostRequested())
  console.error(`server: node ${SERVER_NODE_FLAGS.join(' ')} ${SERVER_SCRIPT}, NODE_OPTIONS ${nodeOptions}`)
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_SCRIPT], {
    cwd: dir,
    stdio: ['ignore', log, log],
    // A production server needs a session secret; no session outlives the run, so any will do.
    env: { ...process.env, NODE_OPTIONS: nodeOptions, DATABASE_URL: databaseUrl, NODE_ENV: 'production', AUTH_SECRET: randomBytes(32).toString('base64'), REFRESH_SCHEDULER: 'external', PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))])
    }
    fs.closeSync(log)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const baseUrl = `http://127.0.0.1:${port}`
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) {
      const tail = fs.readFileSync(logFile, 'utf8').slice(-2_000)
      await stop()
      throw new Error(`the server exited (code ${child.exitCode}):\n${tail}`)
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) {
      const tail = fs.readFileSync(logFile, 'utf8').slice(-2_000)
      await stop()
      throw new Error(`the server did not answer /api/health within 60 s:\n${tail}`)
    }
    await sleep(250)
  }
  if (child.pid === undefined) throw new Error('the server has no pid')
  return { baseUrl, pid: child.pid, logFile, stop }
}
