// The list badge never says "Not checked yet" about a vendor we tried and failed to read.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { VendorStatus } from './vendor-status'

const source = (s: { lastCheckedAt: Date | null; lastSuccessAt: Date | null }) => ({
  platform: 'statuspage' as const,
  apiUrl: 'https://status.example.com/api/v2/summary.json',
  consecutiveFailures: s.lastSuccessAt ? 0 : 3,
  lastError: s.lastSuccessAt ? null : 'queryA ENOTFOUND status.example.com',
  ...s,
})
const badge = (s: Parameters<typeof source>[0]) =>
  renderToStaticMarkup(<VendorStatus vendor={{ status: 'operational', source: source(s) } as Parameters<typeof VendorStatus>[0]['vendor']} />).replace(/<[^>]+>/g, '')

describe('VendorStatus', () => {
  it('says "Not checked yet" only before the first check', () => {
    expect(badge({ lastCheckedAt: null, lastSuccessAt: null })).toContain('Not checked yet')
  })

  it('a vendor tried and never read is "Status unavailable", with no raw error', () => {
    const text = badge({ lastCheckedAt: new Date('2026-03-01T12:00:00Z'), lastSuccessAt: null })
    expect(text).toContain('Status unavailable')
    expect(text).not.toMatch(/not checked yet|ENOTFOUND/i)
  })
})
