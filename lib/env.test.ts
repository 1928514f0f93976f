import { describe, expect, it } from 'vitest'
import { parseEnv } from './env'

describe('parseEnv', () => {
  it('gives working defaults for a zero-setup start', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ NODE_ENV: 'development', PGLITE_DIR: '.data/pglite', APP_URL: 'http://localhost:3000', PORT: 3000 })
    expect(env.DATABASE_URL).toBeUndefined()
  })
  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })
  it('names the variable and the problem when a value is wrong', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/)
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => parseEnv({ APP_URL: 'localhost' })).toThrow(/APP_URL: must be an absolute URL/)
  })
})
