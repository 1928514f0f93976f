import { describe, expect, it } from 'vitest'
import { evidenceText, possibleOutageSummary, readEvidence, subsidedSummary } from './possible-outage'

const evidence = (over: Partial<ReturnType<typeof readEvidence>> = {}) => ({ reports: 23, windowMinutes: 15, baseline: 2.9, ratio: 8, probesFailing: 2, probesTotal: 3, probeFailStreak: 3, ...over })

describe('possible outage words', () => {
  it("say the issue's example sentence, labelled unofficial", () => {
    expect(possibleOutageSummary('GitHub', '10:42', evidence())).toBe(
      "Possible outage (unofficial): users report problems with GitHub since 10:42 — 23 reports in 15 min, 8× usual; 2 of 3 probes failing. GitHub's status page says operational.",
    )
  })

  it('name only what was seen: probes alone, reports alone, a zero baseline, a fractional ratio', () => {
    expect(possibleOutageSummary('Stripe', '09:00', evidence({ reports: 0, ratio: null, baseline: 0 }))).toBe(
      "Possible outage (unofficial): our probes see problems with Stripe since 09:00 — 2 of 3 probes failing. Stripe's status page says operational.",
    )
    expect(evidenceText(evidence({ probesFailing: 0 }))).toBe('23 reports in 15 min, 8× usual')
    expect(evidenceText(evidence({ ratio: null, baseline: 0, probesFailing: 0 }))).toBe('23 reports in 15 min, usually none')
    expect(evidenceText(evidence({ reports: 1, ratio: 2.46, probesFailing: 1, probesTotal: 1 }))).toBe('1 report in 15 min, 2.5× usual; 1 of 1 probe failing')
  })

  it('read stored evidence defensively: missing or malformed figures are zero, never invented', () => {
    expect(readEvidence({ reports: '23', ratio: 'x' })).toEqual({ reports: 0, windowMinutes: 0, baseline: 0, ratio: null, probesFailing: 0, probesTotal: 0, probeFailStreak: 0 })
    expect(readEvidence(null).reports).toBe(0)
  })

  it('say a subsided outage was not confirmed', () => {
    expect(subsidedSummary('GitHub', '10:42', '11:05')).toBe("The problems users and our probes saw with GitHub since 10:42 have subsided (11:05). GitHub's status page reported no incident.")
  })
})
