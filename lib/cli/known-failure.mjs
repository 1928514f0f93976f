// The failures an operator meets running a CLI (`npm run catalog:import`, `db:seed`, `db:*`,
// `npm start`'s preparation) that are about the setup, not a bug: the embedded database is held by
// a running app, no database answers, the login or database name is wrong. For these a stack trace
// buries the one line that matters, so the CLI prints that line and exits 1. Anything else is
// unexpected and keeps its stack. Pure (reads the error and the environment it is given).
//
// Plain ESM JavaScript: scripts/db.mjs runs under bare `node`.
import { describeTarget } from '../db/adapter.mjs'

const UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|connection timeout|timeout exceeded when trying to connect|Connection terminated|can't reach database server/i

/** Every error in the `cause` chain (and AggregateError members), the outermost first. */
function chain(error) {
  const out = []
  const visit = (e) => {
    if (!e || typeof e !== 'object' || out.includes(e)) return
    out.push(e)
    if (Array.isArray(e.errors)) e.errors.forEach(visit)
    visit(e.cause)
  }
  visit(error)
  return out
}

/** The first non-empty line of a message, or the first one matching `pattern` (Prisma wraps the driver's message in lines of its own). */
const lineOf = (message, pattern = /\S/) =>
  String(message ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => pattern.test(l)) ?? ''

/**
 * One line saying what went wrong and what to do, or null when the error is not a known setup
 * failure.
 * @param {unknown} error
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | null}
 */
export function describeKnownFailure(error, env = process.env) {
  const errors = chain(error)
  const target = describeTarget(env)
  const lockedMessage = /is already open in process/
  const locked = errors.find((e) => e.code === 'EMBEDDED_DB_LOCKED' || lockedMessage.test(e.message ?? ''))
  if (locked) return lineOf(locked.message, lockedMessage) || lineOf(locked.message)
  const code = (c) => errors.some((e) => e.code === c || e.errorCode === c)
  if (code('28P01') || code('28000') || errors.some((e) => /password authentication failed/i.test(e.message ?? ''))) {
    return `the database refused the login (${target}): check the user and password in DATABASE_URL.`
  }
  if (code('3D000') || errors.some((e) => /database ".*" does not exist/i.test(e.message ?? ''))) {
    return `the database does not exist (${target}): create it, or fix the name in DATABASE_URL.`
  }
  const unreachable = errors.find((e) => (typeof e.code === 'string' && UNREACHABLE.test(e.code)) || code('P1001') || UNREACHABLE.test(e.message ?? ''))
  if (unreachable) {
    return `cannot reach the database (${target}): ${lineOf(unreachable.message, UNREACHABLE) || unreachable.code}. Start PostgreSQL, or fix DATABASE_URL (unset it to use the embedded database).`
  }
  return null
}

/**
 * Runs a CLI's main and exits: with its code, with 1 and one line for a known failure, or with 1
 * and the full error for anything unexpected.
 * @param {string} name  e.g. "catalog:import"
 * @param {() => Promise<number | void>} main
 */
export function runCli(name, main) {
  main().then(
    (code) => process.exit(code ?? 0),
    (e) => {
      const known = describeKnownFailure(e)
      if (known) console.error(`${name}: ${known}`)
      else console.error(`${name} failed:`, e)
      process.exit(1)
    },
  )
}
