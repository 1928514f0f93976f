// Driver-adapter plumbing shared by the app (lib/db/client.ts) and the migration CLI (scripts/db.mjs).
//
//   DATABASE_URL=postgres://...  -> @prisma/adapter-pg (real PostgreSQL)
//   (unset)                      -> PGlite (Postgres compiled to Wasm, in-process), persisted in PGLITE_DIR
//
// Plain ESM JavaScript on purpose: runs under `node` with no TS tooling (CI, containers).
// Reads no environment itself: the app passes what lib/env.ts validated, the CLI its own variables.
import fs from 'node:fs'
import path from 'node:path'
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils'
import { resolvePackageFile } from './schema-engine.mjs'

export const DEFAULT_PGLITE_DIR = '.data/pglite'

/** @param {{ PGLITE_DIR?: string | undefined }} env */
export function pgliteDir(env) {
  const dir = env.PGLITE_DIR || DEFAULT_PGLITE_DIR
  return isInMemory(dir) ? dir : path.resolve(/*turbopackIgnore: true*/ dir)
}

// `memory://` keeps the whole database in this process (throw-away test databases): there is
// nothing on disk to lock and nothing another process could open.
const isInMemory = (dir) => dir.startsWith('memory://')

/** @param {{ DATABASE_URL?: string | undefined, PGLITE_DIR?: string | undefined }} env */
export function describeTarget(env) {
  if (env.DATABASE_URL) {
    const u = new URL(env.DATABASE_URL)
    return `postgres ${u.hostname}:${u.port || 5432}${u.pathname}`
  }
  return `pglite ${pgliteDir(env)}`
}

/**
 * Migration-aware adapter factory for the Wasm schema engine (and usable by PrismaClient).
 * @param {{ DATABASE_URL?: string | undefined, PGLITE_DIR?: string | undefined }} env
 * @returns {Promise<{ factory: import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory, close: () => Promise<void> }>}
 */
export async function createAdapterFactory(env) {
  if (env.DATABASE_URL) {
    const { PrismaPg } = await import('@prisma/adapter-pg')
    const { parseIntoClientConfig } = await import('pg-connection-string')
    // Pass a parsed config, NOT { connectionString }: adapter-pg's connectToShadowDb() does
    // new Pool({ ...config, database: shadowName }) and pg lets connectionString override `database`,
    // so with a connectionString the "shadow" pool silently points at the MAIN database.
    // max: 1 -> every engine query uses one backend session (advisory lock/unlock on the same session).
    const config = { ...parseIntoClientConfig(env.DATABASE_URL), max: 1 }
    const factory = patchPgFactory(new PrismaPg(config))
    // the engine never disposes its main connection; end the pg pools ourselves so the process can exit
    return { factory, close: () => Promise.all(factory.opened.map((a) => a.dispose().catch(() => {}))).then(() => {}) }
  }
  const { client, release } = await openPglite(pgliteDir(env))
  const factory = await createPgliteFactory(client)
  return { factory, close: async () => { await client.close(); release() } }
}

// ---------------------------------------------------------------------------------------------
// Embedded PGlite
// ---------------------------------------------------------------------------------------------

/**
 * Opens (creating if needed) a PGlite data directory, guarded by a pid lock file.
 * PGlite has NO cross-process locking: two processes on one data dir both "work" and silently
 * lose writes (verified: 500+500 inserts -> 816 rows survive). So we refuse a second opener.
 */
export async function openPglite(dir) {
  let release = () => {}
  if (!isInMemory(dir)) {
    fs.mkdirSync(dir, { recursive: true })
    release = lockDataDir(dir)
  }
  try {
    const { PGlite } = await import('@electric-sql/pglite')
    const client = await PGlite.create(dir, { extensions: await pgliteExtensions(), startParams: [...PGlite.defaultStartParams, ...PGLITE_MEMORY_PARAMS] })
    return { client, release }
  } catch (e) {
    release()
    throw e
  }
}

/**
 * PGlite runs PostgreSQL's default `shared_buffers = 128MB` inside the app's own process. The whole
 * catalog's database is ~40 MB, PGlite reads the rest through the operating system's page cache
 * (its files are ordinary files), and every MB of shared buffers it touches is resident in the
 * server: 32 MB cut the idle server's RSS by ~90 MB (405 -> 310 MB, README "Memory"). Its effect
 * on page latency under load has not been measured.
 */
export const PGLITE_MEMORY_PARAMS = ['-c', 'shared_buffers=32MB']

/**
 * The PostgreSQL extensions the migrations create (`CREATE EXTENSION`), which PGlite must load
 * into every instance it opens: pg_trgm (trigram similarity, for typo-tolerant vendor search).
 * An instance opened without it cannot apply the migration or run a search.
 */
export async function pgliteExtensions() {
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  return { pg_trgm }
}

export function lockDataDir(dir) {
  const lockPath = `${dir}.lock`
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      break
    } catch (e) {
      if (e.code !== 'EEXIST' || attempt > 0) throw e
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim())
      if (owner && owner !== process.pid && isAlive(owner)) {
        const err = new Error(
          `Embedded database ${dir} is already open in process ${owner} (e.g. "npm run dev"). ` +
            'PGlite is single-process: stop that process first, or set DATABASE_URL to use a Postgres server.',
        )
        err.code = 'EMBEDDED_DB_LOCKED'
        throw err
      }
      fs.rmSync(lockPath, { force: true }) // stale lock (owner died)
    }
  }
  const release = () => {
    try {
      if (Number(fs.readFileSync(lockPath, 'utf8')) === process.pid) fs.rmSync(lockPath)
    } catch {}
  }
  process.once('exit', release)
  return release
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === 'EPERM'
  }
}

/** pglite-prisma-adapter factory with the fixes below applied. */
export async function createPgliteFactory(client) {
  const { PrismaPGlite } = await import('pglite-prisma-adapter')
  return patchPgliteFactory(new PrismaPGlite(client), client.dataDir)
}

// ---------------------------------------------------------------------------------------------
// Workarounds for defects in the pinned adapter versions (each reproduced and verified before
// being patched; the versions are pinned exactly in package.json because these patches replace
// methods on the adapter objects and would break silently on an upgrade)
//
// 1. @prisma/adapter-pg 7.10.x executeScript() does script.split(';') and runs each piece on a
//    pooled connection. Breaks any migration with ';' inside $$-bodies / strings / comments, and
//    makes a failing migration non-atomic. The native engine sends the whole script as one
//    simple-protocol query (implicit transaction). We do the same.
// 2. pglite-prisma-adapter 0.7.2 executeScript() does not await client.exec(): SQL errors become
//    unhandled rejections and the migration is recorded as applied. We await it.
// 3. adapter-pg's shadow-DB dispose runs DROP DATABASE before ending the shadow pool
//    ("database ... is being accessed by other users"). End the pool first.
// 4. adapter-pg throws UnsupportedNativeDataType for OID 18 (internal "char" type) which the
//    engine's Postgres describer selects from pg_catalog -> diff/dev/check fail with
//    "Column type 'char' could not be deserialized from the database". Report them as Character.
// 5. pglite-prisma-adapter's shadow DB is a fresh in-memory PGlite (initdb: 5-10 s each, and
//    `migrate dev` needs two). We cache a pristine dump next to the data dir and load it (~1.3 s).
// ---------------------------------------------------------------------------------------------
function patchPgFactory(factory) {
  factory.opened = []
  const wrap = (adapter) => {
    factory.opened.push(adapter)
    adapter.executeScript = async function (script) {
      try {
        await this.underlyingDriver().query(script) // no params -> simple query protocol, multi-statement
      } catch (error) {
        this.onError(error) // maps pg errors to DriverAdapterError (throws)
      }
    }
    patchPgCharColumns(adapter)
    return adapter
  }
  const connect = factory.connect.bind(factory)
  const connectToShadowDb = factory.connectToShadowDb.bind(factory)
  factory.connect = async () => wrap(await connect())
  factory.connectToShadowDb = async () => {
    const shadow = wrap(await connectToShadowDb())
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      const pool = shadow.underlyingDriver()
      await pool.end()
      pool.end = async () => {}
      await dispose()
    }
    return shadow
  }
  return factory
}

const PG_CHAR_OID = 18
const PG_TEXT_OID = 25
function patchPgCharColumns(adapter) {
  const origQueryRaw = Object.getPrototypeOf(adapter).queryRaw
  const origPerformIO = adapter.performIO.bind(adapter)
  adapter.queryRaw = async function (query) {
    let charIdx = []
    const self = Object.create(this)
    self.performIO = async (q) => {
      const r = await origPerformIO(q)
      charIdx = []
      r.fields = r.fields.map((f, i) => (f.dataTypeID === PG_CHAR_OID ? (charIdx.push(i), { ...f, dataTypeID: PG_TEXT_OID }) : f))
      return r
    }
    const res = await origQueryRaw.call(self, query)
    for (const i of charIdx) res.columnTypes[i] = ColumnTypeEnum.Character
    return res
  }
}

function patchPgliteFactory(factory, dataDir) {
  const fixExecuteScript = (adapter) => {
    adapter.executeScript = async function (script) {
      try {
        await this.client.exec(script)
      } catch (error) {
        this.onError(error)
      }
    }
    return adapter
  }
  const protoConnect = Object.getPrototypeOf(factory).connect
  factory.connect = async () => fixExecuteScript(await protoConnect.call(factory))
  factory.connectToShadowDb = async () => {
    const { PGlite } = await import('@electric-sql/pglite')
    const client = await newShadowPglite(PGlite, dataDir)
    const shadow = fixExecuteScript(await protoConnect.call({ client }))
    shadow.client = client
    shadow.dispose = async () => { await client.close().catch(() => {}) }
    return shadow
  }
  return factory
}

async function newShadowPglite(PGlite, dataDir) {
  const version = pgliteVersion()
  const base = dataDir && !dataDir.startsWith('memory://') ? path.dirname(path.resolve(dataDir)) : null
  const templatePath = base ? path.join(base, `.pglite-template-${version}.tar`) : null
  if (templatePath && fs.existsSync(templatePath)) {
    try {
      const blob = new Blob([fs.readFileSync(templatePath)])
      return await PGlite.create({ loadDataDir: blob, extensions: await pgliteExtensions() })
    } catch {
      fs.rmSync(templatePath, { force: true })
    }
  }
  const fresh = await PGlite.create('memory://', { extensions: await pgliteExtensions() })
  if (templatePath) {
    const dump = await fresh.dumpDataDir('none')
    const tmp = `${templatePath}.${process.pid}`
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
    fs.renameSync(tmp, templatePath)
  }
  return fresh
}

function pgliteVersion() {
  try {
    const entry = resolvePackageFile('@electric-sql/pglite')
    let dir = path.dirname(entry)
    while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir)
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version
  } catch {
    return 'unknown'
  }
}
