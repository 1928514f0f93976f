// Operator CLIs meet known setup failures with one clear line and exit 1, no stack trace (issue 11,
// finding 9): the embedded database held by a running app, and no database reachable. Each case
// runs the real script as `npm run …` would, with its own environment.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { unusedPort } from '@/lib/testing/ports'

const exec = promisify(execFile)
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-failures-'))
const catalog = path.join(scratch, 'catalog.json')
fs.writeFileSync(catalog, JSON.stringify([{ name: 'One', slug: 'one', statusPageUrl: 'https://status.one.example', platform: 'statuspage' }]))

async function runScript(args: string[], env: Record<string, string | undefined>) {
  const { DATABASE_URL: _url, PGLITE_DIR: _dir, ...base } = process.env
  try {
    const { stdout, stderr } = await exec(args[0] ?? '', args.slice(1), { env: { ...base, ...env } as NodeJS.ProcessEnv, timeout: 60_000 })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

const tsx = (script: string, ...rest: string[]) => ['node_modules/.bin/tsx', script, ...rest]
const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '')

/** An embedded data directory whose lock is held by a live process (this test's own). */
function lockedEmbeddedDir(): string {
  const dir = path.join(scratch, `pglite-${Math.random().toString(36).slice(2)}`)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(`${dir}.lock`, String(process.pid))
  return dir
}

describe('operator CLIs and known failures', () => {
  it('catalog:import, embedded database held by a running app: one line naming the holder, exit 1', async () => {
    const result = await runScript(tsx('scripts/catalog-import.ts', catalog), { PGLITE_DIR: lockedEmbeddedDir() })
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([expect.stringMatching(new RegExp(`^catalog:import: Embedded database .* is already open in process ${process.pid}`))])
  })

  it('catalog:import, no database reachable: one line naming the server, exit 1', async () => {
    const port = await unusedPort()
    const result = await runScript(tsx('scripts/catalog-import.ts', catalog), { DATABASE_URL: `postgresql://app:hunter2@127.0.0.1:${port}/vendorwatch` })
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([expect.stringMatching(new RegExp(`^catalog:import: cannot reach the database \\(postgres 127\\.0\\.0\\.1:${port}/vendorwatch\\)`))])
    expect(result.stderr).not.toContain('hunter2')
  })

  it('db:seed, no database reachable: one line, exit 1', async () => {
    const result = await runScript(tsx('scripts/seed.ts'), { DATABASE_URL: `postgresql://app@127.0.0.1:${await unusedPort()}/vendorwatch` })
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^db:seed: cannot reach the database/)])
  })

  it('db deploy, embedded database held by a running app: one line, exit 1', async () => {
    const result = await runScript(['node', 'scripts/db.mjs', 'deploy'], { PGLITE_DIR: lockedEmbeddedDir() })
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^db deploy: Embedded database .* is already open/)])
  })
})
