import { describe, expect, it } from 'vitest'
import { namesMatch } from './verify-catalog'

describe('namesMatch (approving a vendor held back for review)', () => {
  it('matches the same company however it is written, and nothing looser', () => {
    expect(namesMatch('Acme', 'ACME')).toBe(true)
    expect(namesMatch('Acme', 'Acme Inc.')).toBe(true)
    expect(namesMatch('Personio SE & Co. KG', 'Personio SE and Co KG')).toBe(true)
    expect(namesMatch('Acme', 'Status')).toBe(false)
    expect(namesMatch('Bolt', 'Bolt Financial')).toBe(true)
    expect(namesMatch('AI', 'AI Labs')).toBe(false)
    expect(namesMatch('Acme', null)).toBe(false)
  })
})
