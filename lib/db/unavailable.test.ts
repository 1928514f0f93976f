import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './unavailable'

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code })

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a hung server (pg connect timeout)', new Error('Connection terminated due to connection timeout')],
    ['a full pool that never frees', new Error('timeout exceeded when trying to connect')],
    ['a server that stopped answering mid-session', new Error('Query read timeout')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['our statement_timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['a server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['a connection exception class', withCode('connection failure', '08006')],
    ['Prisma cannot reach the server', Object.assign(new Error('x'), { name: 'PrismaClientInitializationError', errorCode: 'P1001' })],
    ['the embedded database locked by another process', withCode('Embedded database ... is already open', 'EMBEDDED_DB_LOCKED')],
    ['a wrapped cause', new Error('query failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') })],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a non-error', 'boom'],
    ['nothing', undefined],
  ])('does not take %s for an outage', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })

  it('survives a cause cycle', () => {
    const a = new Error('a') as Error & { cause?: unknown }
    a.cause = a
    expect(isDatabaseUnavailable(a)).toBe(false)
  })
})
