// How the app's PostgreSQL pool is configured. Without timeouts a server that accepts connections
// and never answers (a hung host, a stuck proxy) holds every request forever; with them the
// request fails in seconds and the boundary answers 503 (see lib/db/unavailable.ts).
import type { PoolConfig } from 'pg'

export interface DatabaseTimeouts {
  /** Opening a connection, TCP and PostgreSQL's startup handshake together (ms). */
  connectMs: number
  /** One statement, enforced by the server (statement_timeout), so it cancels its own work (ms). */
  statementMs: number
  /** An unused pooled connection is closed after this long (ms). */
  idleMs: number
}

/**
 * The server enforces the statement timeout; the client gives up a little later, for a server
 * that stops answering mid-session and so cannot cancel anything. The margin lets a server
 * cancellation arrive first, as the clearer error.
 */
const CLIENT_READ_MARGIN_MS = 5_000

/** Connections in a process's PostgreSQL pool (requests and background work share it). */
export const POOL_MAX = 10

export function pgPoolConfig(connectionString: string, timeouts: DatabaseTimeouts, max = POOL_MAX): PoolConfig {
  return {
    connectionString,
    max,
    connectionTimeoutMillis: timeouts.connectMs,
    idleTimeoutMillis: timeouts.idleMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + CLIENT_READ_MARGIN_MS,
    // No idle_in_transaction_session_timeout: the ingest store and the notifier's fan-out run
    // interactive transactions of up to 60 s on purpose; Prisma's own transaction timeout ends them.
  }
}
