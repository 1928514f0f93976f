// Is this error "the database is not there" (down, refusing, hung, cancelled by a timeout) rather
// than a bug or bad data? Boundaries answer 503 for these and 500 for the rest. Pure: it reads
// the error object only. The driver stack wraps errors several times (pg -> Prisma adapter ->
// Prisma client), with codes in different places, so the whole `cause` chain is inspected.

/** Socket-level failures reaching the server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'])
/**
 * PostgreSQL SQLSTATEs: 57014 query_canceled (our statement_timeout), 57P01-57P03 shutdown / cannot
 * connect now, 53300 too_many_connections; class 08 is connection exceptions.
 * Prisma's own: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed
 * the connection, P2024 timed out fetching a connection from the pool.
 */
const DATABASE_CODES = new Set(['57014', '57P01', '57P02', '57P03', '53300', 'P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'EMBEDDED_DB_LOCKED'])
const MESSAGES = [
  /connection timeout/i,
  /timeout exceeded when trying to connect/i,
  /query read timeout/i,
  /connection terminated/i,
  /canceling statement due to statement timeout/i,
  /can't reach database server/i,
  /server closed the connection/i,
  /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND/,
]

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  for (let e: unknown = error; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e)
    const { code, name, message, errorCode } = e as { code?: unknown; name?: unknown; message?: unknown; errorCode?: unknown }
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || DATABASE_CODES.has(code) || code.startsWith('08'))) return true
    if (typeof errorCode === 'string' && DATABASE_CODES.has(errorCode)) return true
    if (name === 'PrismaClientInitializationError') return true
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true
  }
  return false
}
