// Zero-setup embedded database when DATABASE_URL is unset (`npm start`, `npm run dev`, tests):
// PGlite (in-process Postgres) + automatic `migrate deploy` of prisma/migrations on first use,
// using the Wasm schema engine over the *same* PGlite instance (PGlite is single-process).
import path from 'node:path'
import { openPglite, createPgliteFactory, pgliteDir } from './adapter.mjs'
import { openSchemaEngine, listMigrations, emptyFilters } from './schema-engine.mjs'

const STATE = Symbol.for('app.embeddedDb') // survives Next.js HMR module re-evaluation

/**
 * A SqlDriverAdapterFactory for PrismaClient. Opening, locking and migrating happen lazily on the
 * first query (PrismaClient calls factory.connect() then), exactly once per process.
 * Reads no environment: lib/db/client.ts passes what lib/env.ts validated (PGLITE_DIR,
 * PRISMA_MIGRATIONS, EMBEDDED_DB_AUTO_MIGRATE, SCHEMA_ENGINE_WASM).
 */
export function embeddedAdapterFactory({
  dir = pgliteDir({}),
  migrationsDir = 'prisma/migrations',
  autoMigrate = true,
  schemaEngineWasm = undefined,
  log = (m) => console.log(`[db] ${m}`),
} = {}) {
  const state = (globalThis[STATE] ??= {})

  const init = () => {
    if (state.ready) return state.ready
    state.ready = (async () => {
      const t0 = Date.now()
      const { client, release } = await openPglite(dir)
      try {
        const factory = await createPgliteFactory(client)
        if (autoMigrate) {
          const migrationsList = await listMigrations(path.resolve(/*turbopackIgnore: true*/ migrationsDir))
          const se = await openSchemaEngine({ adapterFactory: factory, wasmPath: schemaEngineWasm })
          try {
            const { appliedMigrationNames } = await se.call('applyMigrations', { migrationsList, filters: emptyFilters })
            if (appliedMigrationNames.length) log(`applied ${appliedMigrationNames.length} migration(s): ${appliedMigrationNames.join(', ')}`)
          } finally {
            se.free()
          }
        }
        log(`embedded PGlite ready at ${dir} in ${Date.now() - t0} ms`)
        return { client, factory, release }
      } catch (e) {
        await client.close().catch(() => {})
        release()
        throw e
      }
    })()
    // don't cache a failure: the next query retries (e.g. after fixing a broken migration)
    state.ready.catch(() => { state.ready = undefined })
    return state.ready
  }

  return {
    provider: 'postgres',
    adapterName: 'pglite-prisma-adapter (embedded)',
    async connect() {
      const { factory, client, release } = await init()
      const adapter = await factory.connect()
      // prisma.$disconnect() -> adapter.dispose(): close PGlite (it keeps a 10 s itimer alive, so
      // scripts would never exit) and release the lock. A later query re-opens it transparently.
      adapter.dispose = async () => {
        if (state.ready) {
          state.ready = undefined
          await client.close().catch(() => {})
          release()
        }
      }
      return adapter
    },
  }
}
