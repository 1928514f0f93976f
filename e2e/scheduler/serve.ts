// The default configuration, as `npm start` runs it: a fresh embedded database, the in-process
// refresh scheduler, the email log, and a catalog whose hosts do not resolve (prepare-db.ts).
// Nothing here turns a default off; only the port, the data directory and a session secret are set.
//   node_modules/.bin/tsx e2e/scheduler/serve.ts      (Playwright's web server, and bench:auth)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { E2E_AUTH_SECRET } from '../support/config'
import { SCHEDULER_APP_URL, SCHEDULER_CRON_SECRET, SCHEDULER_PORT } from './config'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorwatch-default-config-'))
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(SCHEDULER_PORT),
  APP_URL: SCHEDULER_APP_URL,
  PGLITE_DIR: path.join(dir, 'db'),
  EMAIL_LOG_DIR: path.join(dir, 'mail'),
  AUTH_SECRET: E2E_AUTH_SECRET,
  CRON_SECRET: SCHEDULER_CRON_SECRET,
}
for (const name of ['DATABASE_URL', 'REFRESH_SCHEDULER', 'REFRESH_INTERVAL_SECONDS', 'REFRESH_CONCURRENCY', 'INGEST_ALLOW_PRIVATE_NETWORK', 'EMAIL_TRANSPORT']) delete env[name]

const step = (args: string[]) => {
  const run = spawnSync(args[0] as string, args.slice(1), { stdio: 'inherit', env })
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed`)
}
step([process.execPath, 'scripts/db.mjs', 'deploy', '--quiet'])
step(['node_modules/.bin/tsx', 'e2e/scheduler/prepare-db.ts'])

const app = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], { stdio: 'inherit', env })
const stop = () => app.kill('SIGTERM')
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
app.on('exit', (code) => {
  fs.rmSync(dir, { recursive: true, force: true })
  process.exit(code ?? 0)
})
