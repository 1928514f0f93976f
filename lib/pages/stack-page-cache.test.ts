import { describe, expect, it } from 'vitest'
import type { StackVendorContent } from '@/lib/data/stack-pages'
import { CHUNK, parseStackVendors, serializeStackVendors, stackChunks } from './stack-page-cache'

const at = (iso: string) => new Date(iso)

const vendor: StackVendorContent = {
  id: 'v1',
  slug: 'acme',
  name: 'Acme',
  status: 'degraded',
  statusText: 'Partial outage',
  source: { platform: 'statuspage', apiUrl: 'https://acme.example/api', lastCheckedAt: at('2026-12-07T08:59:00Z'), lastSuccessAt: at('2026-12-07T08:58:00Z'), consecutiveFailures: 0, lastError: null },
  incidents: [
    {
      id: 'i1',
      title: 'Errors',
      status: 'investigating',
      impact: 'minor',
      startedAt: at('2026-12-07T08:00:00Z'),
      resolvedAt: null,
      updatedAt: at('2026-12-07T08:30:00Z'),
      components: [{ componentId: 'c1' }],
      updates: [{ status: 'investigating', body: 'Looking into it since 2026-12-07T08:00:00Z', publishedAt: at('2026-12-07T08:01:00Z') }],
    },
  ],
  maintenances: [{ id: 'm1', title: 'Upgrade', status: 'scheduled', scheduledFor: at('2026-12-08T01:00:00Z'), scheduledUntil: null, body: null, updatedAt: at('2026-12-07T07:00:00Z'), components: [] }],
}

describe('the stack vendors cache entry', () => {
  it('comes back from its JSON exactly as read, Dates as Dates and text that looks like a date as text', () => {
    const [back] = parseStackVendors(serializeStackVendors([vendor, { ...vendor, id: 'v2', slug: 'globex', source: null }]))
    expect(back).toEqual(vendor)
    expect(back?.incidents[0]?.startedAt).toBeInstanceOf(Date)
    expect(back?.source?.lastSuccessAt).toBeInstanceOf(Date)
    expect(back?.maintenances[0]?.scheduledFor).toBeInstanceOf(Date)
    expect(back?.incidents[0]?.updates[0]?.body).toBe('Looking into it since 2026-12-07T08:00:00Z')
  })
})

describe('stackChunks', () => {
  it('keys the same set of vendors the same way whatever the order, once each', () => {
    expect(stackChunks(['globex', 'acme', 'initech', 'acme'])).toEqual([['acme', 'globex', 'initech']])
    expect(stackChunks([])).toEqual([])
  })

  it("splits a long stack into entries of at most CHUNK vendors (Next keeps 128 tags per entry, the Pro plan watches 200)", () => {
    const slugs = Array.from({ length: 200 }, (_, i) => `v${String(i).padStart(3, '0')}`)
    const chunks = stackChunks(slugs)
    expect(CHUNK).toBeLessThanOrEqual(128)
    expect(chunks.map((c) => c.length)).toEqual([CHUNK, 200 - CHUNK])
    expect(chunks.flat()).toEqual(slugs)
  })
})
