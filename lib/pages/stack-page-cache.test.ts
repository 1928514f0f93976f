import { describe, expect, it } from 'vitest'
import type { StackVendorContent } from '@/lib/data/stack-pages'
import { parseStackVendor, serializeStackVendor } from './stack-page-cache'

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

describe('the stack vendor cache entry', () => {
  it('comes back from its JSON exactly as read, Dates as Dates and text that looks like a date as text', () => {
    const back = parseStackVendor(serializeStackVendor(vendor))
    expect(back).toEqual(vendor)
    expect(back?.incidents[0]?.startedAt).toBeInstanceOf(Date)
    expect(back?.source?.lastSuccessAt).toBeInstanceOf(Date)
    expect(back?.maintenances[0]?.scheduledFor).toBeInstanceOf(Date)
    expect(back?.incidents[0]?.updates[0]?.body).toBe('Looking into it since 2026-12-07T08:00:00Z')
  })

  it('keeps "no such vendor" as null', () => {
    expect(parseStackVendor(serializeStackVendor(null))).toBeNull()
  })
})
