import { describe, expect, it } from 'vitest'
import { shiftTimes } from './shift-times'

describe('shiftTimes', () => {
  it('moves every timestamp by the same amount so the newest lands where asked', () => {
    const payload = { a: '2026-05-01T10:00:00.000Z', nested: [{ b: '2026-05-01T12:00:00Z', c: 'not a time' }], d: '2026-05-01T11:30:00+02:00' }
    const shifted = shiftTimes(payload, new Date('2030-01-01T00:00:00Z'))
    expect(shifted).toEqual({ a: '2029-12-31T22:00:00.000Z', nested: [{ b: '2030-01-01T00:00:00.000Z', c: 'not a time' }], d: '2029-12-31T21:30:00.000Z' })
  })
})
