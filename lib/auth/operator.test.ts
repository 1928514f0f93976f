import { describe, expect, it } from 'vitest'
import { bearerToken, isOperator, sameSecret } from './operator'

const secrets = { cronSecret: 'cron-secret-0123456789', operatorToken: 'operator-token-0123456789' }

describe('isOperator', () => {
  it('accepts the cron secret or the operator token as a bearer token', () => {
    expect(isOperator('Bearer cron-secret-0123456789', secrets)).toBe(true)
    expect(isOperator('Bearer operator-token-0123456789', secrets)).toBe(true)
  })

  it('refuses anonymous callers, wrong tokens, prefixes and tokens without the Bearer scheme', () => {
    expect(isOperator(null, secrets)).toBe(false)
    expect(isOperator('Bearer wrong', secrets)).toBe(false)
    expect(isOperator('Bearer cron-secret', secrets)).toBe(false)
    expect(isOperator('cron-secret-0123456789', secrets)).toBe(false)
  })

  it('never matches an unset secret, even an empty bearer', () => {
    expect(isOperator('Bearer ', {})).toBe(false)
    expect(isOperator('Bearer x', { cronSecret: undefined, operatorToken: '' })).toBe(false)
  })
})

describe('sameSecret / bearerToken', () => {
  it('compares exactly, whatever the lengths', () => {
    expect(sameSecret('abc', 'abc')).toBe(true)
    expect(sameSecret('abc', 'abcd')).toBe(false)
    expect(sameSecret('', 'a')).toBe(false)
  })
  it('reads the Bearer scheme only', () => {
    expect(bearerToken('Bearer t0k')).toBe('t0k')
    expect(bearerToken('Basic t0k')).toBeNull()
  })
})
