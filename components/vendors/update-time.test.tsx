// An update whose own stamp could not be placed says "time unknown", never the stored stand-in time.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { SourceChangedNote } from './freshness-note'
import type { IncidentDetail } from '@/lib/data/vendor-status'
import { IncidentSummary } from './incident-summary'
import { UpdateTime } from './update-time'

const at = new Date('2026-11-24T10:30:00Z')

describe('UpdateTime', () => {
  it('shows the time when the source placed it', () => {
    const html = renderToStaticMarkup(<UpdateTime publishedAt={at} timeUnknown={false} />)
    expect(html).toContain('2026-11-24T10:30:00.000Z')
    expect(html).not.toContain('time unknown')
  })

  it('says "time unknown" and carries no time at all when it could not be placed', () => {
    const html = renderToStaticMarkup(<UpdateTime publishedAt={at} timeUnknown={true} />)
    expect(html).toContain('time unknown')
    expect(html).not.toContain('2026-11-24')
    expect(html).not.toMatch(/10:30/)
  })
})

describe('SourceChangedNote', () => {
  it('says the status may be out of date, in plain words, without an outage or the operator detail', () => {
    const text = renderToStaticMarkup(<SourceChangedNote vendorName="OpenAI" />).replace(/<[^>]+>/g, '').replaceAll('&#x27;', "'")
    expect(text).toContain("OpenAI's status page seems to have moved")
    expect(text).toContain('may be out of date')
    expect(text).not.toMatch(/outage|incidentio|catalogued/i)
  })
})

describe('IncidentSummary', () => {
  const update: IncidentDetail['updates'][number] = { id: 'u2', status: 'monitoring', body: 'Better now.', publishedAt: new Date('2026-11-24T11:00:00Z'), timeUnknown: true, editedAt: null }
  const incident: IncidentDetail = {
    id: 'i1',
    externalId: 'x',
    title: 'Slow logins',
    status: 'monitoring',
    impact: 'unknown',
    startedAt: new Date('2026-11-24T09:15:00Z'),
    resolvedAt: null,
    url: null,
    postmortemBody: null,
    postmortemPublishedAt: null,
    components: [],
    updates: [update],
  }
  it('says "time unknown" for a latest update whose stamp could not be placed', () => {
    const html = renderToStaticMarkup(<IncidentSummary incident={incident} vendorSlug="feedy" now={new Date('2026-11-24T12:00:00Z')} />)
    expect(html).toContain('time unknown')
    expect(html).not.toContain('2026-11-24T11:00:00.000Z')
    // The same update with a placed stamp shows its time.
    const placed = { ...incident, updates: [{ ...update, timeUnknown: false }] }
    const shown = renderToStaticMarkup(<IncidentSummary incident={placed} vendorSlug="feedy" now={new Date('2026-11-24T12:00:00Z')} />)
    expect(shown).toContain('2026-11-24T11:00:00.000Z')
    expect(shown).not.toContain('time unknown')
  })
})
