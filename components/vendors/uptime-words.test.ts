import { describe, expect, it } from 'vitest'
import { formatPercent, uptimeCaption, uptimeSentence } from './uptime-words'

const since = new Date('2026-11-24T11:50:00Z')

describe('uptime in words', () => {
  it('never rounds a real outage up to 100%', () => {
    expect(formatPercent(99.999)).toBe('99.99%')
    expect(formatPercent(100)).toBe('100.00%')
  })

  it('shows no percentage before a day of observation, only when observation began (fidelity #8)', () => {
    const early = { uptimePercent: null, observedSince: since, coversWindow: false }
    expect(uptimeCaption(early)).toBe('Observed since Nov 24, 11:50 UTC')
    expect(uptimeSentence(early)).toBe('observed since Nov 24, 11:50 UTC, no uptime figure before a day of observation')
  })

  it('says since when the observation is shorter than the bar, and nothing extra when it covers it', () => {
    expect(uptimeCaption({ uptimePercent: 99.5, observedSince: since, coversWindow: false })).toBe('99.50% uptime since Nov 24')
    expect(uptimeSentence({ uptimePercent: 99.5, observedSince: since, coversWindow: false })).toBe('99.50% uptime, observed since Nov 24')
    expect(uptimeCaption({ uptimePercent: 100, observedSince: since, coversWindow: true })).toBe('100.00% uptime')
    expect(uptimeCaption({ uptimePercent: null, observedSince: null, coversWindow: false })).toBe('No data yet')
  })
})
