// The claim pump through an in-memory data port: what goes into each statement, and what a worker
// gets back. The database side (fencing, disjoint rows, order) is in lib/data/status-sources.int.test.ts.
import { describe, expect, it } from 'vitest'
import type { CheckedSource, ClaimedSource, FailedCheck } from '@/lib/data/status-sources'
import { isLeaseLostError } from '@/lib/data/lease-lost'
import { createClaimPump } from './claim-pump'
import type { RefreshData } from './ports'

const now = new Date('2026-03-01T12:00:00Z')
const source = (id: string): ClaimedSource => ({ id, vendorId: `v-${id}`, vendorSlug: id, platform: 'statuspage', apiUrl: null, statusPageUrl: 'https://x.example', httpCache: {}, settings: null, consecutiveFailures: 0, sourceChange: null })
const checked = (id: string): CheckedSource => ({ sourceId: id, leaseOwner: 'cycle', now, nextCheckAt: now, httpCache: {} })
const failed = (id: string): FailedCheck => ({ sourceId: id, leaseOwner: 'cycle', now, nextCheckAt: now, kind: 'http', message: 'HTTP 500' })

interface Statement {
  unchanged: string[]
  failures: string[]
  limit: number
}

/** A port whose statements claim from `due` in order; `lost` names records whose lease is gone. */
function fakeData(due: string[], opts: { lost?: string[]; fail?: Error } = {}) {
  const statements: Statement[] = []
  const queue = [...due]
  const data = {
    statusSources: {
      recordChecksAndClaim: async (args: Parameters<RefreshData['statusSources']['recordChecksAndClaim']>[0]) => {
        statements.push({ unchanged: args.unchanged.map((u) => u.check.sourceId), failures: args.failures.map((f) => f.sourceId), limit: args.claim?.limit ?? 0 })
        if (opts.fail) throw opts.fail
        return { claimed: queue.splice(0, args.claim?.limit ?? 0).map(source), lost: args.unchanged.map((u) => u.check.sourceId).filter((id) => opts.lost?.includes(id)) }
      },
      releaseLease: async () => {},
    },
  } as unknown as RefreshData
  return { data, statements }
}

const options = (mayClaim = () => true) => ({ owner: 'cycle', leaseMs: 60_000, dueBy: now, now: () => now, mayClaim })
const direct = <T>(work: () => Promise<T>) => work()

describe('claim pump', () => {
  it('claims for every worker asking in the same turn with one statement, one vendor each', async () => {
    const { data, statements } = fakeData(['a', 'b', 'c', 'd'])
    const pump = createClaimPump(data, direct, options())
    const got = await Promise.all([pump.claimOne(), pump.claimOne(), pump.claimOne()])
    expect(got.map((s) => s?.id)).toEqual(['a', 'b', 'c'])
    expect(statements).toEqual([{ unchanged: [], failures: [], limit: 3 }])
  })

  it("carries a finished check's record and the same worker's next claim in one statement", async () => {
    const { data, statements } = fakeData(['b'])
    const pump = createClaimPump(data, direct, options())
    const recorded = pump.statusSources.recordCheckUnchanged(checked('a'), false)
    const failure = pump.statusSources.recordCheckFailure(failed('x'))
    const next = pump.claimOne()
    await recorded
    await failure
    expect((await next)?.id).toBe('b')
    expect(statements).toEqual([{ unchanged: ['a'], failures: ['x'], limit: 1 }])
    expect(pump.stats).toEqual({ statements: 1, records: 2, claimed: 1 })
  })

  it('tells a worker its queued record, so it can ask for the next vendor before the record is written', async () => {
    const { data } = fakeData([])
    const pump = createClaimPump(data, direct, options())
    const queued = pump.recordQueued('a')
    const recorded = pump.statusSources.recordCheckUnchanged(checked('a'), false)
    await queued
    await recorded
  })

  it('rejects an unchanged record whose lease was lost with LeaseLostError, and writes the others', async () => {
    const { data } = fakeData([], { lost: ['a'] })
    const pump = createClaimPump(data, direct, options())
    const [lost, kept] = await Promise.allSettled([pump.statusSources.recordCheckUnchanged(checked('a'), false), pump.statusSources.recordCheckUnchanged(checked('b'), false)])
    expect(lost.status === 'rejected' && isLeaseLostError(lost.reason)).toBe(true)
    expect(kept.status).toBe('fulfilled')
  })

  it('answers null without a statement once a claim came back short (nothing else is due)', async () => {
    const { data, statements } = fakeData(['a'])
    const pump = createClaimPump(data, direct, options())
    expect((await Promise.all([pump.claimOne(), pump.claimOne()])).map((s) => s?.id ?? null)).toEqual(['a', null])
    expect(await pump.claimOne()).toBeNull()
    expect(statements).toHaveLength(1)
  })

  it('claims nothing once the cycle may not claim (time budget, stop), but still writes records', async () => {
    let may = true
    const { data, statements } = fakeData(['a', 'b'])
    const pump = createClaimPump(data, direct, options(() => may))
    may = false
    expect(await pump.claimOne()).toBeNull()
    await pump.statusSources.recordCheckFailure(failed('x'))
    expect(statements).toEqual([{ unchanged: [], failures: ['x'], limit: 0 }])
  })

  it('fails every record and claim of a statement the database refused', async () => {
    const { data } = fakeData(['a'], { fail: new Error('connection refused') })
    const pump = createClaimPump(data, direct, options())
    const results = await Promise.allSettled([pump.statusSources.recordCheckUnchanged(checked('a'), false), pump.claimOne()])
    expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual(['connection refused', 'connection refused'])
  })
})
