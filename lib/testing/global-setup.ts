// Vitest global setup for integration tests: prepares ONE migrated template database, which
// every test file then copies (lib/testing/setup-database.ts) so files never share state.
//   TEST_DATABASE_URL set -> a template database on that PostgreSQL server
//   otherwise             -> a migrated PGlite data directory
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { adminQuery, databaseUrl, templateDatabase } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string | null
  }
}

function migrate(env: Record<string, string>) {
  execFileSync(process.execPath, ['scripts/db.mjs', 'deploy', '--quiet'], { env: { ...process.env, ...env }, stdio: 'inherit' })
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    process.env.VENDORWATCH_TEST_TEMPLATE_DB = `vendorwatch_test_template_${process.pid}`
    const TEMPLATE_DATABASE = templateDatabase()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`)
    await adminQuery(serverUrl, `CREATE DATABASE ${TEMPLATE_DATABASE}`)
    migrate({ DATABASE_URL: databaseUrl(serverUrl, TEMPLATE_DATABASE) })
    project.provide('pgliteTemplateDir', null)
    return async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`)
    }
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vendorwatch-int-'))
  const templateDir = path.join(root, 'template')
  const env: Record<string, string> = { PGLITE_DIR: templateDir }
  delete process.env.DATABASE_URL
  migrate(env)
  fs.rmSync(`${templateDir}.lock`, { force: true })
  project.provide('pgliteTemplateDir', templateDir)
  return () => fs.rmSync(root, { recursive: true, force: true })
}
