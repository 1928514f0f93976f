import { describe, expect, it } from 'vitest'
import { createToken, hashToken, TOKEN_PATTERN } from './tokens'

describe('link tokens', () => {
  it('are long, URL-safe and unique', () => {
    const tokens = new Set(Array.from({ length: 100 }, createToken))
    expect(tokens.size).toBe(100)
    for (const t of tokens) expect(t).toMatch(TOKEN_PATTERN)
  })
  it('are stored as a stable sha256 that does not contain the token', () => {
    const token = createToken()
    expect(hashToken(token)).toBe(hashToken(token))
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken(token)).not.toContain(token)
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
