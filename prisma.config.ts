import path from 'node:path'
import { defineConfig } from 'prisma/config'

// Offline: never let the Prisma CLI download its native schema engine (binaries.prisma.sh is
// unreachable here). The stub makes any CLI command that would need it fail loudly instead of
// silently succeeding; database work goes through `npm run db:*` (scripts/db.mjs, Wasm engine).
// A real binary set in PRISMA_SCHEMA_ENGINE_BINARY takes precedence.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, 'scripts/no-schema-engine.sh')

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // process.env, not env(): env() throws when DATABASE_URL is unset (embedded mode).
  datasource: { url: process.env.DATABASE_URL },
})
