import { describe, expect, it } from 'vitest'
import { describeKnownFailure } from './known-failure.mjs'

const pg = { DATABASE_URL: 'postgresql://app:secret@db.internal:5433/vendorwatch' }
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code })

describe('describeKnownFailure', () => {
  it('passes on the embedded-database lock message as one line', () => {
    const locked = withCode('Embedded database /srv/.data/pglite is already open in process 4242 (e.g. "npm run dev"). PGlite is single-process: stop that process first, or set DATABASE_URL to use a Postgres server.', 'EMBEDDED_DB_LOCKED')
    const line = describeKnownFailure(new Error('wrapped', { cause: locked }), {})
    expect(line).toMatch(/^Embedded database \/srv\/\.data\/pglite is already open in process 4242/)
    expect(line).not.toContain('\n')
  })

  it('names the server it could not reach, without the password', () => {
    const line = describeKnownFailure(withCode('connect ECONNREFUSED 10.0.0.5:5433', 'ECONNREFUSED'), pg)
    expect(line).toBe('cannot reach the database (postgres db.internal:5433/vendorwatch): connect ECONNREFUSED 10.0.0.5:5433. Start PostgreSQL, or fix DATABASE_URL (unset it to use the embedded database).')
    expect(line).not.toContain('secret')
  })

  it('recognises a hung server, a refused login and a missing database', () => {
    expect(describeKnownFailure(new Error('Connection terminated due to connection timeout'), pg)).toMatch(/^cannot reach the database/)
    expect(describeKnownFailure(withCode('password authentication failed for user "app"', '28P01'), pg)).toMatch(/^the database refused the login/)
    expect(describeKnownFailure(withCode('database "vendorwatch" does not exist', '3D000'), pg)).toMatch(/^the database does not exist/)
  })

  it('leaves unexpected errors alone, so they keep their stack', () => {
    expect(describeKnownFailure(new TypeError('x is undefined'), pg)).toBeNull()
    expect(describeKnownFailure(withCode('duplicate key', '23505'), pg)).toBeNull()
    expect(describeKnownFailure(undefined, pg)).toBeNull()
  })
})

describe('describeKnownFailure and Prisma-wrapped messages', () => {
  it('finds the driver line inside a multi-line Prisma message', () => {
    const wrapped = withCode('\nInvalid `db.vendor.findMany()` invocation in\n/app/lib/data/catalog.ts:18:23\n\n→ 18 await db.vendor.findMany(\nEmbedded database /srv/db is already open in process 7 (e.g. "npm run dev"). PGlite is single-process.', 'EMBEDDED_DB_LOCKED')
    expect(describeKnownFailure(wrapped, {})).toBe('Embedded database /srv/db is already open in process 7 (e.g. "npm run dev"). PGlite is single-process.')
  })
})
