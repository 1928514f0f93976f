// Small helpers for test databases on a PostgreSQL server (TEST_DATABASE_URL).
import pg from 'pg'

/**
 * The migrated template every test file copies. Named per test run (global setup sets the variable
 * before any worker starts), so two checkouts can run their suites on one server side by side.
 */
export function templateDatabase(): string {
  return process.env.VENDORWATCH_TEST_TEMPLATE_DB ?? 'vendorwatch_test_template'
}

/** The same server URL pointing at another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/** Runs one statement on the server's own database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
