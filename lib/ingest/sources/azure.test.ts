import { describe, expect, it } from 'vitest'
import { readFixture as fixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { AZURE_FEED_URL, azureSource } from './azure'
import { SourceParseError, type ParseContext } from './types'

const ctx = (now: string): ParseContext => ({
  now: new Date(now),
  target: { apiUrl: null, statusPageUrl: 'https://azure.status.microsoft/en-us/status', settings: {} },
})

function parse(feed: string | null, now = '2026-03-01T13:10:00Z'): StatusSnapshot {
  return snapshotOf(azureSource.parse({ feed }, ctx(now)))
}

describe('azure endpoints', () => {
  it('defaults to the public RSS feed and asks for XML', () => {
    const [e] = azureSource.endpoints(ctx('2026-01-01T00:00:00Z').target)
    expect(e?.url).toBe(AZURE_FEED_URL)
    expect(e?.accept).toMatch(/rss\+xml/)
  })
})

describe('azure feed (synthetic, docs/status-page-formats.md §4.3)', () => {
  it('an empty channel is the normal, operational state', () => {
    const s = parse(fixture('azure/synthetic-empty-channel.xml'))
    expect(s.status).toBe('operational')
    expect(s.incidents).toEqual([])
    expect(s.maintenances).toEqual([])
    expect(s.coverage).toEqual({ incidents: 'active', maintenances: 'active' })
  })

  it('an item is an open incident of unknown impact, and the page is degraded', () => {
    const s = parse(fixture('azure/synthetic-one-item.xml'))
    expect(s.status).toBe('degraded')
    expect(s.incidents).toHaveLength(1)
    const i = s.incidents[0]
    expect(i?.externalId).toBe('SYNTH-4C1D-7B2')
    expect(i?.title).toBe('Active - Azure Front Door & CDN - Connectivity issues in multiple regions')
    expect(i?.status).toBe('investigating')
    expect(i?.impact).toBe('unknown')
    expect(i?.resolvedAt).toBeNull()
    // pubDate "…12:55:00 Z" is the start; the a10:updated edit time stamps the update.
    expect(i?.startedAt.toISOString()).toBe('2026-03-01T12:55:00.000Z')
    expect(i?.updates).toHaveLength(1)
    expect(i?.updates[0]?.publishedAt.toISOString()).toBe('2026-03-01T13:04:00.000Z')
    expect(i?.updates[0]?.body.startsWith('<p><strong>Summary of impact:</strong>')).toBe(true)
    expect(i?.updates[0]?.body).toContain('&amp; elevated latency') // CDATA kept raw
  })

  it('an item whose title says resolved is resolved', () => {
    const xml = fixture('azure/synthetic-one-item.xml').replace('<title>Active - ', '<title>RESOLVED: ')
    const s = parse(xml)
    expect(s.incidents[0]?.status).toBe('resolved')
    expect(s.status).toBe('operational')
  })

  it.each([
    ['HTML error page', '<!DOCTYPE html><html><body><h1>503</h1></body></html>'],
    ['empty body', ''],
    ['truncated', fixture('azure/synthetic-one-item.xml').slice(0, 400)],
  ])('rejects %s', (_name, body) => {
    expect(() => parse(body)).toThrow(SourceParseError)
  })
})
