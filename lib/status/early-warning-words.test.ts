import { describe, expect, it } from 'vitest'
import type { PossibleOutageEvidence } from '@/lib/signal/types'
import { asPossibleOutageEvidence, evidenceSummary, evidenceWords, leadTimeSentence, unofficialLabel } from './early-warning-words'

const evidence = (o: Partial<PossibleOutageEvidence> = {}): PossibleOutageEvidence => ({
  reports: 23,
  windowMinutes: 15,
  baseline: 2.9,
  ratio: 8,
  probesFailing: 0,
  probesTotal: 3,
  probeFailStreak: 0,
  ...o,
})

describe('asPossibleOutageEvidence', () => {
  it('accepts the contract shape and refuses anything else', () => {
    expect(asPossibleOutageEvidence(evidence())).toEqual(evidence())
    expect(asPossibleOutageEvidence({ reports: 23 })).toBeNull()
    expect(asPossibleOutageEvidence(null)).toBeNull()
    expect(asPossibleOutageEvidence({ ...evidence(), reports: -1 })).toBeNull()
  })
})

describe('evidenceWords', () => {
  it('says reports with the ratio to usual', () => {
    expect(evidenceWords(evidence())).toEqual({ reports: '23 reports in 15 min, 8× usual', probes: null })
    expect(evidenceWords(evidence({ ratio: 2.5 })).reports).toBe('23 reports in 15 min, 2.5× usual')
  })

  it('says "usually none" when the baseline is zero (no ratio)', () => {
    expect(evidenceWords(evidence({ reports: 1, baseline: 0, ratio: null })).reports).toBe('1 report in 15 min, usually none')
  })

  it('says probes when probes fail, and leaves out reports when there were none', () => {
    expect(evidenceWords(evidence({ reports: 0, ratio: 0, probesFailing: 2 }))).toEqual({ reports: null, probes: '2 of 3 probes failing' })
    expect(evidenceWords(evidence({ probesFailing: 1, probesTotal: 1 })).probes).toBe('1 of 1 probe failing')
  })
})

describe('evidenceSummary', () => {
  it('joins both signals in one line', () => {
    expect(evidenceSummary(evidence({ probesFailing: 2 }))).toBe('Users report problems (23 reports in 15 min, 8× usual); 2 of 3 probes failing')
    expect(evidenceSummary(evidence({ reports: 0, probesFailing: 2 }))).toBe('2 of 3 probes failing')
    expect(evidenceSummary(evidence({ reports: 0 }))).toBe('Signs of a problem')
  })
})

describe('unofficialLabel', () => {
  it('names the vendor whose page it is not from', () => {
    expect(unofficialLabel('GitHub')).toBe("Unofficial: from Vendorwatch users' reports and our probes, not from GitHub's status page")
  })
})

describe('leadTimeSentence', () => {
  it('says nothing under three measured incidents', () => {
    expect(leadTimeSentence('GitHub', { medianLeadSeconds: 840, measuredIncidents: 2 })).toBeNull()
    expect(leadTimeSentence('GitHub', { medianLeadSeconds: null, measuredIncidents: 0 })).toBeNull()
  })

  it('says the median in whole minutes from three up', () => {
    expect(leadTimeSentence('GitHub', { medianLeadSeconds: 840, measuredIncidents: 3 })).toBe("Vendorwatch users saw problems a median 14 minutes before GitHub's page")
    expect(leadTimeSentence('GitHub', { medianLeadSeconds: 70, measuredIncidents: 5 })).toBe("Vendorwatch users saw problems a median 1 minute before GitHub's page")
    expect(leadTimeSentence('GitHub', { medianLeadSeconds: 20, measuredIncidents: 5 })).toBe("Vendorwatch users saw problems a median less than a minute before GitHub's page")
  })
})
