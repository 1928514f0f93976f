// Runs in each integration test file's process before the file is imported: gives the file a
// fresh database copied from the migrated template, and points the app's env at it. The app code
// under test reads DATABASE_URL / PGLITE_DIR exactly as in production.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, inject } from 'vitest'
import { adminQuery, databaseUrl, templateDatabase } from './postgres'

const serverUrl = process.env.TEST_DATABASE_URL
let cleanup: () => Promise<void>
// Mail the code under test sends (EMAIL_TRANSPORT=log) lands in this file's own folder.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorwatch-int-'))
process.env.EMAIL_TRANSPORT = 'log'
process.env.EMAIL_LOG_DIR = path.join(scratch, 'mail')
// Configured like production, so a test that switches NODE_ENV to production still starts.
process.env.AUTH_SECRET ??= 'integration-tests-auth-secret-0123456789'

if (serverUrl) {
  const name = `vendorwatch_test_${randomBytes(5).toString('hex')}`
  // Another file may be copying the template this instant; PostgreSQL refuses concurrent copies.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`)
      break
    } catch (e) {
      if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200))
    }
  }
  process.env.DATABASE_URL = databaseUrl(serverUrl, name)
  cleanup = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
} else {
  const template = inject('pgliteTemplateDir')
  if (!template) throw new Error('integration tests: no PGlite template was prepared by global setup')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorwatch-db-'))
  fs.cpSync(template, path.join(dir, 'db'), { recursive: true })
  delete process.env.DATABASE_URL
  process.env.PGLITE_DIR = path.join(dir, 'db')
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
}

afterAll(async () => {
  const { db } = await import('@/lib/db/client')
  await db.$disconnect()
  await cleanup()
  fs.rmSync(scratch, { recursive: true, force: true })
})
