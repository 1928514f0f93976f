// The component list of a big vendor (80 rows): every row keeps its status in words and its bar
// described in words, in a flat row small enough that 80 of them (sent twice: HTML and React's
// payload) no longer make up most of the page (issue 18).
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { componentUptime } from '@/lib/status/uptime'
import { ComponentList } from './component-list'

const now = new Date('2026-11-24T12:00:00Z')
const since = new Date('2026-08-01T00:00:00Z')
const groups = ['US East', 'US West', 'EU West', 'EU Central'].map((name, position) => ({ id: `g${position}`, name, position }))
const components = Array.from({ length: 80 }, (_, i) => ({
  id: `c${i}`,
  externalId: `ext${i}`,
  name: `Service ${i} (${groups[i % 4]!.name})`,
  description: null,
  status: i === 7 ? ('partial_outage' as const) : ('operational' as const),
  statusChangedAt: since,
  groupId: `g${i % 4}`,
  onlyShowIfDegraded: false,
}))
const uptime = new Map(
  components.map((c, i) => [
    c.id,
    componentUptime(
      [
        { toStatus: 'operational' as const, changedAt: since },
        ...(i % 3 === 0 ? [{ toStatus: 'major_outage' as const, changedAt: new Date('2026-11-02T10:00:00Z') }, { toStatus: 'operational' as const, changedAt: new Date('2026-11-02T12:00:00Z') }] : []),
      ],
      { days: 90, now, timeZone: 'UTC' },
    ),
  ]),
)
const html = renderToStaticMarkup(<ComponentList groups={groups} components={components} uptime={uptime} />)
const rows = [...html.matchAll(/<li id="component-[^"]+"[^>]*>.*?<\/li>/g)].map((m) => m[0])
const row = (id: string) => rows.find((r) => r.startsWith(`<li id="component-${id}"`)) ?? ''

describe('ComponentList of a big vendor', () => {
  it('has one row per component, each with its status in words and a labelled bar', () => {
    expect(rows).toHaveLength(80)
    for (const row of rows) {
      expect(row).toMatch(/<span class="status-badge status-badge-[a-z-]+"><span aria-hidden="true">.<\/span>(Operational|Partial outage)<\/span>/)
      expect(row).toMatch(/<div role="img" aria-label="Service \d+ \([^)]+\), last 90 days: [\d.]+% uptime, /)
    }
    expect(row('c3')).toContain('1 day with problems: 2026-11-02 (major outage)')
    expect(row('c7')).toContain('Partial outage')
  })

  it('keeps the uptime under each bar, hidden from screen readers (the bar says it), the axis ends from CSS', () => {
    expect(row('c1')).toMatch(/<p class="uptime-axis" aria-hidden="true" data-days="90"><b>100\.00% uptime<\/b><\/p>/)
  })

  it('spends at most ~550 bytes of markup on a row (it was ~880 with utility class lists)', () => {
    const mean = rows.reduce((n, r) => n + Buffer.byteLength(r), 0) / rows.length
    expect(mean).toBeLessThan(550)
  })
})
