// The refresh says once per cycle when outbound network looks unreachable (issue 11, finding 8):
// most vendors failing to connect is our problem, not theirs, and one line says so.
import { beforeAll, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { db } from '@/lib/db/client'
import { unusedPort } from '@/lib/testing/ports'
import { MINUTE, useRefreshHarness } from '@/lib/testing/refresh-harness'

const refresh = useRefreshHarness({ owner: 'net', start: '2026-05-05T05:00:00Z', concurrency: 4, maxBackoffMs: MINUTE })
const { run, logs } = refresh

beforeAll(async () => {
  refresh.server.set('/up/api/v2/summary.json', { body: 'not json', status: 500, contentType: 'text/plain' })
  const dead = `http://127.0.0.1:${await unusedPort()}`
  await upsertCatalogRows([
    ...['a', 'b', 'c'].map((s) => ({ name: s, slug: `dead-${s}`, statusPageUrl: `https://${s}.example`, platform: 'statuspage' as const, apiUrl: `${dead}/${s}/api/v2/summary.json` })),
    { name: 'up', slug: 'up', statusPageUrl: 'https://up.example', platform: 'statuspage', apiUrl: `${refresh.server.url}/up/api/v2/summary.json` },
  ])
})

const outageLines = () => logs.filter((l) => l.includes('outbound network looks unreachable'))

describe('the refresh cycle and an unreachable network', () => {
  it('logs one line when most checks fail to connect', async () => {
    const summary = await run()
    expect(summary).toMatchObject({ checked: 4, failed: 4 })
    expect(outageLines()).toEqual([expect.stringMatching(/3 of 4 vendor checks failed to connect .* e\.g\. dead-/)])
  })

  it('stays quiet when only a minority cannot be reached', async () => {
    logs.length = 0
    await db.statusSource.updateMany({ where: { vendor: { slug: { in: ['dead-a', 'dead-b'] } } }, data: { enabled: false } })
    refresh.setNow(new Date(refresh.now().getTime() + 10 * MINUTE))
    const summary = await run()
    expect(summary).toMatchObject({ checked: 2, failed: 2 })
    expect(outageLines()).toEqual([])
  })
})
