// An update whose own stamp could not be placed says "time unknown", never the stored stand-in time.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { SourceChangedNote } from './freshness-note'
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
