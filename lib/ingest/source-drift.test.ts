import { describe, expect, it } from 'vitest'
import { detectSourceChange, nextSourceChange, payloadSignature } from './source-drift'
import { readFixture } from '@/lib/testing/source-tests'

const summaryEndpoints = [
  { key: 'summary', url: 'https://www.githubstatus.com/api/v2/summary.json' },
  { key: 'incidents', url: 'https://www.githubstatus.com/api/v2/incidents.json', optional: true },
]
const githubSummary = readFixture('statuspage/github-summary-operational.json')
const openaiCompat = readFixture('incidentio/openai-summary-statuspage-compat.json')
const NOW = new Date('2026-11-24T12:00:00Z')

describe('payload signatures (real payloads where we have them)', () => {
  it.each([
    ['statuspage/github-summary-operational.json', 'statuspage'],
    ['statuspage/twilio-summary-component-groups-degraded.json', 'statuspage'],
    // incident.io's Statuspage-compatible summary: same shape, ULID page id, no time_zone.
    ['incidentio/openai-summary-statuspage-compat.json', 'incidentio'],
    ['incidentio/openai-compat-summary-2-open-incidents.json', 'incidentio'],
    ['incidentio/synthetic-widget-proxy-grouped-outage.json', 'incidentio'],
    ['statusio/docker-status-partial-service-disruption.json', 'statusio'],
    ['instatus/wistia-summary-up-doc-sample.json', 'instatus'],
    ['betterstack/synthetic-index-operational.json', 'betterstack'],
  ])('%s looks like %s', (path, platform) => {
    expect(payloadSignature(readFixture(path))).toBe(platform)
  })

  it.each([
    ['HTML', '<!DOCTYPE html><html><body>Just a moment...</body></html>'],
    ['a feed', readFixture('rss-atom/github-history.atom')],
    ['truncated JSON', githubSummary.slice(0, 200)],
    ['a JSON array', '[]'],
    ['an unknown object', '{"hello":"world"}'],
  ])('recognises nothing in %s', (_, body) => {
    expect(payloadSignature(body)).toBeNull()
  })
})

describe('detectSourceChange', () => {
  it('says nothing while the page answers as its platform', () => {
    expect(detectSourceChange('statuspage', summaryEndpoints, { bodies: { summary: githubSummary }, finalUrls: { summary: summaryEndpoints[0]!.url } })).toBeNull()
  })

  it('notices a Statuspage page that answers like incident.io', () => {
    expect(detectSourceChange('statuspage', summaryEndpoints, { bodies: { summary: openaiCompat }, finalUrls: {} })).toEqual({
      kind: 'signature',
      detail: 'answers like incidentio, catalogued as statuspage',
    })
    // And the way back: an incident.io vendor whose page is Atlassian's again.
    expect(detectSourceChange('incidentio', summaryEndpoints, { bodies: { summary: githubSummary }, finalUrls: {} })?.kind).toBe('signature')
  })

  it('notices a redirect of the primary endpoint to another host, not of others', () => {
    const moved = { bodies: { summary: githubSummary }, finalUrls: { summary: 'https://github.status.example.net/api/v2/summary.json' } }
    expect(detectSourceChange('statuspage', summaryEndpoints, moved)).toEqual({ kind: 'moved', detail: 'www.githubstatus.com redirects to github.status.example.net' })
    const other = { bodies: { summary: githubSummary, incidents: '{}' }, finalUrls: { summary: summaryEndpoints[0]!.url, incidents: 'https://elsewhere.example/x' } }
    expect(detectSourceChange('statuspage', summaryEndpoints, other)).toBeNull()
  })

  it('judges nothing without a body', () => {
    expect(detectSourceChange('statuspage', summaryEndpoints, { bodies: { summary: null }, finalUrls: {} })).toBeNull()
  })
})

describe('nextSourceChange', () => {
  const found = { kind: 'signature' as const, detail: 'answers like incidentio, catalogued as statuspage' }
  it('keeps the first time a change was seen while it goes on, and clears it when it ends', () => {
    const first = nextSourceChange(null, found, NOW)
    expect(first).toEqual({ ...found, since: NOW.toISOString() })
    expect(nextSourceChange(first, found, new Date(NOW.getTime() + 60_000))?.since).toBe(NOW.toISOString())
    expect(nextSourceChange(first, { kind: 'moved', detail: 'a redirects to b' }, new Date(NOW.getTime() + 60_000))?.since).toBe(new Date(NOW.getTime() + 60_000).toISOString())
    expect(nextSourceChange(first, null, NOW)).toBeNull()
  })
})
