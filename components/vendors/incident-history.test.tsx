// How long an incident has lasted reads as words a person would say, never "0 min".
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { IncidentListItem } from '@/lib/data/vendor-history'
import { IncidentHistoryList } from './incident-history'

const now = new Date('2026-03-01T12:00:00Z')
const incident = (over: Partial<IncidentListItem>): IncidentListItem =>
  ({ id: 'i1', title: 'API errors', impact: 'major', status: 'investigating', startedAt: now, resolvedAt: null, hasPostmortem: false, ...over }) as IncidentListItem
const text = (items: IncidentListItem[]) => renderToStaticMarkup(<IncidentHistoryList incidents={items} vendorSlug="acme" now={now} />).replace(/<[^>]+>/g, '')

describe('IncidentHistoryList durations', () => {
  it('an incident that began seconds ago is "ongoing for under a minute", not "0 min"', () => {
    const out = text([incident({ startedAt: new Date(now.getTime() - 20_000) })])
    expect(out).toContain('ongoing for under a minute')
    expect(out).not.toContain('0 min')
  })

  it('an incident resolved within seconds "lasted under a minute"', () => {
    const out = text([incident({ status: 'resolved', startedAt: new Date(now.getTime() - 600_000), resolvedAt: new Date(now.getTime() - 580_000) })])
    expect(out).toContain('lasted under a minute')
  })

  it('longer durations keep their minutes', () => {
    expect(text([incident({ startedAt: new Date(now.getTime() - 52 * 60_000) })])).toContain('ongoing for 52 min')
  })
})
