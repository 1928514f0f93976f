import { describe, expect, it } from 'vitest'
import { wellFormedDeep } from './well-formed'

describe('wellFormedDeep', () => {
  it('turns lone surrogate halves into U+FFFD anywhere in the value, keeping whole emoji, dates and the rest', () => {
    const at = new Date('2026-11-24T12:00:00Z')
    const value = { title: 'Down \ud83d', ok: 'Fire \u{1F525}', n: 3, none: null, at, list: [{ body: '\ude00 x', at }, 'y'] }
    const fixed = wellFormedDeep(value)
    expect(fixed).toEqual({ title: 'Down \ufffd', ok: 'Fire \u{1F525}', n: 3, none: null, at, list: [{ body: '\ufffd x', at }, 'y'] })
    expect(fixed.at).toBe(at)
    expect(value.title).toBe('Down \ud83d')
  })

  it('returns the very same objects when every string is already well-formed', () => {
    const value = { a: ['x', { b: 'Fire \u{1F525}' }], c: { d: 'e' } }
    const fixed = wellFormedDeep({ ...value, bad: '\ud83d' })
    expect(fixed.a).toBe(value.a)
    expect(fixed.c).toBe(value.c)
    expect(wellFormedDeep(value)).toBe(value)
  })
})
