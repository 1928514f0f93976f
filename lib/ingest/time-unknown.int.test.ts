// Issue 14 #5: a feed stamp that cannot be placed (a zone abbreviation nobody can resolve) is
// stored with an explicit flag, and every reader says "time unknown" instead of showing the entry's
// time as the update's own: the vendor JSON, the incident page's data, the Atom feed.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { vendorStatusJson } from '@/lib/api/vendor-json'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { findIncident } from '@/lib/data/vendor-history'
import { findVendorStatus } from '@/lib/data/vendor-status'
import { vendorIncidentFeed } from '@/lib/feeds/vendor-feeds'
import { resetDatabase } from '@/lib/testing/reset-database'
import { MINUTE, useRefreshHarness } from '@/lib/testing/refresh-harness'

const p = (stamp: string, label: string, body: string) => `&lt;p&gt;&lt;small&gt;${stamp}&lt;/small&gt;&lt;br&gt;&lt;strong&gt;${label}&lt;/strong&gt; - ${body}&lt;/p&gt;`
const feed = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>
<entry><id>tag:status.example.com,2005:Incident/1</id><published>2026-11-24T11:00:00Z</published><updated>2026-11-24T11:00:00Z</updated>
<link href="https://status.example.com/incidents/abc"/><title>Slow logins</title>
<content type="html">${p('Nov 24, 10:30 XYZT', 'Monitoring', 'Better now.')}${p('Nov 24, 09:15 UTC', 'Investigating', 'Looking.')}</content></entry></feed>`

const refresh = useRefreshHarness({ owner: 'tu', start: '2026-11-24T12:00:00Z' })
const clock = refresh.now()

beforeAll(() => {
  refresh.server.set('/feed.atom', { body: feed, contentType: 'application/atom+xml' })
})

beforeEach(async () => {
  await resetDatabase()
  await upsertCatalogRows([{ name: 'Feedy', slug: 'feedy', statusPageUrl: 'https://status.example.com', platform: 'rss', apiUrl: `${refresh.server.url}/feed.atom` }])
})

describe('time unknown', () => {
  it('stores the flag and shows "time unknown", never the made-up time, while placed stamps keep theirs', async () => {
    const summary = await refresh.run()
    expect(summary.failed).toBe(0)
    const detail = await findVendorStatus('feedy', clock)
    if (!detail) throw new Error('no vendor')
    const json = vendorStatusJson(detail, clock, MINUTE)
    const updates = json.incidents[0]?.updates ?? []
    expect(updates.map((u) => [u.status, u.timeUnknown])).toEqual([
      ['monitoring', true],
      ['investigating', false],
    ])
    expect(updates.find((u) => u.status === 'investigating')?.publishedAt).toBe('2026-11-24T09:15:00.000Z')
    expect(json.readWarnings).toContainEqual({ kind: 'feed update time unknown', count: 1 })

    const incident = await findIncident('feedy', json.incidents[0]?.id ?? '')
    expect(incident?.updates.map((u) => u.timeUnknown)).toEqual([false, true])

    const atom = await vendorIncidentFeed('feedy', 'https://vendorwatch.example')
    expect(atom).toContain('&lt;strong&gt;monitoring&lt;/strong&gt; (time unknown)')
    expect(atom).toContain('&lt;strong&gt;investigating&lt;/strong&gt; (2026-11-24T09:15:00.000Z)')
  })
})
