#!/usr/bin/env node
// Offline replacement for the DB-touching `prisma migrate` / `prisma db` commands.
// Uses the official Prisma schema engine compiled to Wasm + a JS driver adapter,
// so it needs neither the native schema-engine binary nor network access.
//
//   node scripts/db.mjs deploy                 ~ prisma migrate deploy
//   node scripts/db.mjs dev --name <name>      ~ prisma migrate dev --name <name> (creates + applies)
//   node scripts/db.mjs dev --name x --create-only
//   node scripts/db.mjs status                 ~ prisma migrate status
//   node scripts/db.mjs check                  ~ prisma migrate diff --from-migrations --to-schema --exit-code
//   node scripts/db.mjs diff --from-empty --to-schema [--script]   (also --from-migrations/--from-db, --to-db)
//   node scripts/db.mjs push [--accept-data-loss]   ~ prisma db push
//   node scripts/db.mjs reset --force          ~ prisma migrate reset --force (drop everything + deploy)
//   node scripts/db.mjs resolve --rolled-back <name> | --applied <name>   ~ prisma migrate resolve
//
// Target DB: DATABASE_URL (postgres) if set, otherwise embedded PGlite in PGLITE_DIR (.data/pglite).
import process from 'node:process'
import { parseArgs } from 'node:util'
import { createAdapterFactory, describeTarget } from '../lib/db/adapter.mjs'
import { openSchemaEngine, readSchemaFiles, listMigrations, writeMigration, emptyFilters } from '../lib/db/schema-engine.mjs'
import { loadDotEnv } from './load-env.mjs'
import { runCli } from '../lib/cli/known-failure.mjs'

loadDotEnv()

// An operator CLI in plain Node reads its own environment here, at its entry, and hands it to
// lib/db/*.mjs as arguments: it must run where the app's lib/env.ts would refuse to load (say
// `db:deploy` in a container before AUTH_SECRET is provided), and without TypeScript tooling.
const SCHEMA = process.env.PRISMA_SCHEMA || 'prisma/schema.prisma'
const MIGRATIONS = process.env.PRISMA_MIGRATIONS || 'prisma/migrations'

const { positionals, values: args } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    'create-only': { type: 'boolean' },
    'accept-data-loss': { type: 'boolean' },
    force: { type: 'boolean' },
    script: { type: 'boolean' },
    'exit-code': { type: 'boolean' },
    'from-empty': { type: 'boolean' },
    'from-migrations': { type: 'boolean' },
    'from-db': { type: 'boolean' },
    'from-schema': { type: 'boolean' },
    'to-schema': { type: 'boolean' },
    'to-db': { type: 'boolean' },
    'to-migrations': { type: 'boolean' },
    'to-empty': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    'rolled-back': { type: 'string' },
    applied: { type: 'string' },
  },
})
const cmd = positionals[0]
const log = (...a) => { if (!args.quiet) console.error(...a) }

const main = async () => {
  if (!cmd || !['deploy', 'dev', 'status', 'check', 'diff', 'push', 'reset', 'resolve'].includes(cmd)) {
    console.error('usage: db.mjs deploy|dev|status|check|diff|push|reset|resolve [options]')
    return 1
  }
  const schemaFiles = await readSchemaFiles(SCHEMA)
  const { factory, close } = await createAdapterFactory(process.env)
  const se = await openSchemaEngine({
    adapterFactory: factory,
    schemaFiles,
    wasmPath: process.env.SCHEMA_ENGINE_WASM,
    debug: (m) => { if (process.env.DEBUG_SCHEMA_ENGINE) console.error('[schema-engine]', m) },
  })
  log(`schema-engine-wasm ${se.version()} -> ${describeTarget(process.env)}`)
  try {
    switch (cmd) {
      case 'deploy': return await deploy(se)
      case 'dev': return await dev(se, schemaFiles)
      case 'status': return await status(se)
      case 'check': return await diff(se, schemaFiles, { 'from-migrations': true, 'to-schema': true, 'exit-code': true, script: true })
      case 'diff': return await diff(se, schemaFiles, args)
      case 'push': return await push(se, schemaFiles)
      case 'reset': return await reset(se)
      case 'resolve': return await resolve(se)
    }
  } finally {
    se.free()
    await close()
  }
}

async function deploy(se) {
  const migrationsList = await listMigrations(MIGRATIONS)
  log(`${migrationsList.migrationDirectories.length} migration(s) found in ${MIGRATIONS}`)
  const { appliedMigrationNames } = await se.call('applyMigrations', { migrationsList, filters: emptyFilters })
  log(appliedMigrationNames.length ? `Applied: ${appliedMigrationNames.join(', ')}` : 'No pending migrations to apply.')
  return 0
}

async function dev(se, schemaFiles) {
  let migrationsList = await listMigrations(MIGRATIONS)
  const { action } = await se.call('devDiagnostic', { migrationsList, filters: emptyFilters })
  if (action.tag === 'reset') {
    if (!args.force) {
      console.error(`Drift detected, the database needs a reset: ${action.reason}\nRe-run with --force to reset (ALL DATA LOST).`)
      return 3
    }
    await se.call('reset', { filter: emptyFilters })
  }
  const applied = await se.call('applyMigrations', { migrationsList, filters: emptyFilters })
  if (applied.appliedMigrationNames.length) {
    log(`Applied pending: ${applied.appliedMigrationNames.join(', ')}`)
    // The Wasm engine has no shadow-DB factory for evaluateDataLoss/createMigration; they rely on the
    // schema cache that devDiagnostic fills for the *applied* migrations. Refill it for the full list,
    // otherwise: "PostgreSQL shadow DB must be provided through an external factory".
    await se.call('devDiagnostic', { migrationsList, filters: emptyFilters })
  }

  const dataLoss = await se.call('evaluateDataLoss', { migrationsList, schema: { files: schemaFiles }, filters: emptyFilters })
  if (dataLoss.unexecutableSteps.length) {
    console.error('Unexecutable steps:\n' + dataLoss.unexecutableSteps.map((s) => ' - ' + s.message).join('\n'))
    if (!args['create-only']) return 4
  }
  if (dataLoss.warnings.length) {
    console.error('Data loss warnings:\n' + dataLoss.warnings.map((s) => ' - ' + s.message).join('\n'))
    if (!args['accept-data-loss'] && !args['create-only']) { console.error('Re-run with --accept-data-loss'); return 4 }
  }
  if (dataLoss.migrationSteps === 0 && !args['create-only']) { log('Already in sync, no schema change found.'); return 0 }
  if (!args.name) { console.error('--name is required to create a migration'); return 1 }

  const created = await se.call('createMigration', {
    migrationsList, schema: { files: schemaFiles }, migrationName: args.name, draft: !!args['create-only'], filters: emptyFilters,
  })
  if (created.migrationScript === null) { log('No changes.'); return 0 }
  await writeMigration(MIGRATIONS, created)
  log(`Created ${MIGRATIONS}/${created.generatedMigrationName}/migration.${created.extension}`)
  if (args['create-only']) return 0
  migrationsList = await listMigrations(MIGRATIONS)
  const r = await se.call('applyMigrations', { migrationsList, filters: emptyFilters })
  log(`Applied: ${r.appliedMigrationNames.join(', ')}`)
  return 0
}

async function status(se) {
  const migrationsList = await listMigrations(MIGRATIONS)
  const d = await se.call('diagnoseMigrationHistory', { migrationsList, optInToShadowDatabase: false, filters: emptyFilters })
  console.log(JSON.stringify(d, null, 2))
  const dirty = d.failedMigrationNames.length || d.editedMigrationNames.length || d.history !== null
  return dirty ? 1 : 0
}

async function diff(se, schemaFiles, o) {
  const target = (side) => {
    if (o[`${side}-empty`]) return { tag: 'empty' }
    if (o[`${side}-schema`]) return { tag: 'schemaDatamodel', files: schemaFiles }
    // schemaDatasource = "the live database behind the adapter"
    if (o[`${side}-db`]) return { tag: 'schemaDatasource', files: schemaFiles, configDir: process.cwd() }
    if (o[`${side}-migrations`]) return null // filled below (async)
    throw new Error(`missing --${side}-{empty,schema,db,migrations}`)
  }
  let from = target('from'), to = target('to')
  if (from === null) from = { tag: 'migrations', ...(await listMigrations(MIGRATIONS)) }
  if (to === null) to = { tag: 'migrations', ...(await listMigrations(MIGRATIONS)) }
  const r = await se.call('diff', { from, to, script: !!o.script, exitCode: !!o['exit-code'], filters: emptyFilters })
  if (r.stdout) process.stdout.write(r.stdout)
  if (cmd === 'check') {
    if (r.exitCode === 2) console.error('\nDRIFT: prisma/schema.prisma differs from prisma/migrations (SQL above). Run: npm run db:migrate -- --name <name>')
    else log('OK: migrations match schema.prisma')
  }
  return r.exitCode
}

async function push(se, schemaFiles) {
  const r = await se.call('schemaPush', { schema: { files: schemaFiles }, force: !!args['accept-data-loss'], filters: emptyFilters })
  if (r.unexecutable.length) { console.error('Unexecutable:\n - ' + r.unexecutable.join('\n - ')); return 4 }
  if (r.warnings.length && !args['accept-data-loss']) { console.error('Warnings (re-run with --accept-data-loss):\n - ' + r.warnings.join('\n - ')); return 4 }
  log(`db push: ${r.executedSteps} step(s) executed`)
  return 0
}

async function resolve(se) {
  if (args['rolled-back']) {
    await se.call('markMigrationRolledBack', { migrationName: args['rolled-back'] })
    log(`Marked ${args['rolled-back']} as rolled back`)
  } else if (args.applied) {
    await se.call('markMigrationApplied', { migrationName: args.applied, migrationsList: await listMigrations(MIGRATIONS) })
    log(`Marked ${args.applied} as applied`)
  } else { console.error('resolve needs --rolled-back <name> or --applied <name>'); return 1 }
  return 0
}

async function reset(se) {
  if (!args.force) { console.error('reset drops all data; pass --force'); return 1 }
  await se.call('reset', { filter: emptyFilters })
  return deploy(se)
}

// Explicit exit: the Wasm engine leaves un-cleared setTimeout()s behind (e.g. the 10 s migration
// advisory-lock timeout on Postgres), which would otherwise keep the process alive for ~10 s.
runCli(`db ${cmd ?? ''}`.trim(), main)
