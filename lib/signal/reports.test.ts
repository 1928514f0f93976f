import { describe, expect, it } from 'vitest'
import { reportOutcomeMessage } from './reports'

describe('reportOutcomeMessage', () => {
  it('says what happened in words the button can show', () => {
    expect(reportOutcomeMessage({ kind: 'accepted' }, 'GitHub')).toBe('Thanks: your report about GitHub is counted.')
    expect(reportOutcomeMessage({ kind: 'already-reported' }, 'GitHub')).toMatch(/already counted \(one per 30 minutes\)/)
    expect(reportOutcomeMessage({ kind: 'unknown-component' }, 'GitHub')).toContain("GitHub's")
  })

  it('rounds the wait up to whole minutes, never "0 minutes"', () => {
    expect(reportOutcomeMessage({ kind: 'rate-limited', retryAfterSeconds: 5 }, 'GitHub')).toContain('in 1 minute.')
    expect(reportOutcomeMessage({ kind: 'rate-limited', retryAfterSeconds: 61 }, 'GitHub')).toContain('in 2 minutes.')
  })
})
