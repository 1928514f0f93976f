// The public wording of a status we cannot read: plain words and since when, never the raw error.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Freshness } from '@/lib/status/freshness'
import { FreshnessNote } from './freshness-note'

const now = new Date('2026-03-01T12:00:00Z')
const text = (freshness: Freshness) => renderToStaticMarkup(<FreshnessNote freshness={freshness} vendorName="Vercel" now={now} />).replace(/<[^>]+>/g, '').replaceAll('&#x27;', "'")
const RAW = 'queryA ENOTFOUND www.vercel-status.com'

describe('FreshnessNote', () => {
  it('a vendor tried and never read says so in plain words, without the raw error', () => {
    const note = text({ kind: 'never_succeeded', lastCheckedAt: new Date('2026-03-01T11:58:00Z'), error: RAW })
    expect(note).toContain("We cannot read Vercel's status page right now")
    expect(note).not.toContain('ENOTFOUND')
    expect(note).not.toMatch(/not checked yet/i)
  })

  it('a vendor whose reads started failing says since when, without the raw error', () => {
    const note = text({ kind: 'stale', lastCheckedAt: new Date('2026-03-01T11:58:00Z'), lastSuccessAt: new Date('2026-03-01T09:00:00Z'), error: RAW })
    expect(note).toContain("We cannot read Vercel's status page right now (since Mar 1, 2026, 09:00 UTC)")
    expect(note).not.toContain('ENOTFOUND')
  })

  it('an old status without failures only says it may be out of date', () => {
    const note = text({ kind: 'stale', lastCheckedAt: null, lastSuccessAt: new Date('2026-03-01T09:00:00Z'), error: null })
    expect(note).toMatch(/may be out of date/)
    expect(note).not.toMatch(/cannot read/)
  })
})
