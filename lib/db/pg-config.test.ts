import { describe, expect, it } from 'vitest'
import { pgPoolConfig } from './pg-config'

describe('pgPoolConfig', () => {
  it('bounds connecting, each statement and idle connections', () => {
    const config = pgPoolConfig('postgresql://u@h:5432/d', { connectMs: 3000, statementMs: 15000, idleMs: 30000 })
    expect(config).toMatchObject({ connectionString: 'postgresql://u@h:5432/d', max: 10, connectionTimeoutMillis: 3000, statement_timeout: 15000, idleTimeoutMillis: 30000 })
  })

  it('lets the client give up only after the server would have cancelled', () => {
    const config = pgPoolConfig('postgresql://u@h/d', { connectMs: 1000, statementMs: 2000, idleMs: 1000 })
    expect(config.query_timeout).toBeGreaterThan(2000)
  })
})
