import { describe, expect, it } from 'vitest'
import { reportButtonView } from './report-button'

describe('reportButtonView', () => {
  it('offers the report before any answer', () => {
    expect(reportButtonView(null)).toEqual({ label: 'Report a problem', done: false, tone: 'plain' })
  })

  it('says "Reported" at once after a counted report, and stops offering itself', () => {
    expect(reportButtonView({ outcome: 'accepted', message: 'Thanks' })).toEqual({ label: 'Reported', done: true, tone: 'success' })
  })

  it('says "Already reported" when this browser or network was already counted (the API’s 409-like answer)', () => {
    expect(reportButtonView({ outcome: 'already-reported', message: 'already counted' })).toEqual({ label: 'Already reported', done: true, tone: 'success' })
  })

  it('a report that was not counted (429, or not saved) keeps the button and warns', () => {
    expect(reportButtonView({ outcome: 'rate-limited', message: 'Too many reports' })).toEqual({ label: 'Report a problem', done: false, tone: 'warning' })
    expect(reportButtonView({ outcome: 'unknown-component', message: 'x' }).tone).toBe('warning')
  })
})
