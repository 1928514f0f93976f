import { describe, expect, it } from 'vitest'
import { newRowId } from './row-ids'

describe('newRowId', () => {
  it('is shaped like the cuids Prisma gives every other row: 25 lowercase letters and digits, starting with c', () => {
    for (let i = 0; i < 1000; i++) expect(newRowId()).toMatch(/^c[0-9a-z]{24}$/)
  })

  it('sorts by the time it was made, and never repeats within one millisecond', () => {
    const at = Date.UTC(2026, 11, 7, 5, 0, 0)
    expect(newRowId(at) < newRowId(at + 1)).toBe(true)
    expect(newRowId(at + 1_000) < newRowId(at + 86_400_000)).toBe(true)
    const same = new Set(Array.from({ length: 10_000 }, () => newRowId(at)))
    expect(same.size).toBe(10_000)
  })
})
