// Direct access to the e2e server's database, for staging rows no page or route can create from
// outside (e.g. the signal's possible outages, which only the scheduled evaluation opens). Needs
// TEST_DATABASE_URL: the e2e server then runs on `vendorwatch_e2e_<E2E_PORT>` on that server
// (e2e/support/serve.ts); an embedded database belongs to the server's process alone.
import pg from 'pg'
import { databaseUrl } from '@/lib/testing/postgres'
import { E2E_PORT } from './config'

export const e2eDatabaseAvailable = Boolean(process.env.TEST_DATABASE_URL)

/** Runs statements on the e2e database in one transaction. */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('e2e database access needs TEST_DATABASE_URL')
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, `vendorwatch_e2e_${E2E_PORT}`) })
  await client.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    await client.end()
  }
}
