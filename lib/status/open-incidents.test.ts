import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { NormalizedIncident } from './snapshot'
import { readSnapshot } from '@/lib/ingest/sources/read-snapshot'
import { statuspageSource } from '@/lib/ingest/sources/statuspage'
import type { ParseContext } from '@/lib/ingest/sources/types'
import { impactfulOpenIncidents, statusWithOpenIncidents } from './open-incidents'

const fixture = (name: string) => readFileSync(new URL(`../ingest/fixtures/statuspage/${name}`, import.meta.url), 'utf8')
const ctx: ParseContext = {
  now: new Date('2030-01-01T00:00:00Z'),
  target: { apiUrl: 'https://www.githubstatus.com/api/v2/summary.json', statusPageUrl: 'https://www.githubstatus.com', settings: {} },
}
const read = (summary: string) => {
  const out = readSnapshot(statuspageSource, { summary }, ctx)
  if (out.kind !== 'snapshot') throw new Error('expected a snapshot')
  return out.snapshot
}
const open = (impact: NormalizedIncident['impact'], status: NormalizedIncident['status'] = 'investigating') => ({ impact, status, resolvedAt: null })

describe('overall status and open incidents (issue 14 #2)', () => {
  it('GitHub, indicator "none" next to an investigating/major incident: partial_outage, not operational', () => {
    const s = read(fixture('github-summary-none-two-incidents-major-and-monitoring.json'))
    expect(s.statusText).toBe('All Systems Operational')
    expect(s.status).toBe('partial_outage')
    expect(impactfulOpenIncidents(s.incidents).map((i) => i.title)).toEqual([
      'Incident with Actions',
      'Intermittent failures in runner group and runner-related permissions pages',
    ])
  })

  it('GitHub, indicator "minor" with three open incidents (major, minor, minor): the major one wins', () => {
    const s = read(fixture('github-summary-three-open-incidents.json'))
    expect(s.status).toBe('partial_outage')
    expect(impactfulOpenIncidents(s.incidents)[0]?.title).toBe('Incident with Pull Requests')
  })

  it('maps impact minor/major/critical to degraded/partial/major outage and keeps a worse page status', () => {
    expect(statusWithOpenIncidents('operational', [open('minor')])).toBe('degraded')
    expect(statusWithOpenIncidents('operational', [open('major')])).toBe('partial_outage')
    expect(statusWithOpenIncidents('maintenance', [open('critical', 'monitoring')])).toBe('major_outage')
    expect(statusWithOpenIncidents('major_outage', [open('minor')])).toBe('major_outage')
    expect(statusWithOpenIncidents('unknown', [open('minor')])).toBe('degraded')
  })

  it('ignores resolved incidents and impacts none/unknown (a notice, or a feed without impacts)', () => {
    expect(statusWithOpenIncidents('operational', [{ impact: 'critical', status: 'resolved', resolvedAt: new Date(0) }])).toBe('operational')
    expect(statusWithOpenIncidents('operational', [{ impact: 'major', status: 'postmortem', resolvedAt: null }])).toBe('operational')
    expect(statusWithOpenIncidents('operational', [open('none'), open('unknown')])).toBe('operational')
    expect(statusWithOpenIncidents('unknown', [open('unknown')])).toBe('unknown')
  })
})
