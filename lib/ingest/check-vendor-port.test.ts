// checkVendor through an in-memory data port: what it records, and what it leaves alone, when a
// page is unchanged, when another worker took the vendor, and when the cycle is stopped. The
// database versions of these paths run in refresh.int.test.ts and refresh-stop.int.test.ts.
import { describe, expect, it } from 'vitest'
import { LeaseLostError } from '@/lib/data/lease-lost'
import type { CheckedSource, ClaimedSource, FailedCheck } from '@/lib/data/status-sources'
import { checkVendor, type CheckVendorDeps } from './check-vendor'
import type { FetchedBodies } from './fetch-bodies'
import { FetchError } from './http'
import type { CheckVendorData } from './ports'

const MINUTE = 60_000
const now = new Date('2026-03-01T12:00:00Z')
const source: ClaimedSource = {
  id: 'source-1',
  vendorId: 'vendor-1',
  vendorSlug: 'example',
  platform: 'statuspage',
  apiUrl: 'https://status.example.com/api/v2/summary.json',
  statusPageUrl: 'https://status.example.com',
  httpCache: {},
  settings: null,
  consecutiveFailures: 0,
  sourceChange: null,
}
const options = { owner: 'cycle-1', cycleStartedAt: now, intervalMs: MINUTE, maxBackoffMs: 30 * MINUTE }

/** A port that records every call; `unchanged` decides what recording an unchanged check does. */
function fakeData(unchanged: (check: CheckedSource) => Promise<void> = async () => {}) {
  const calls = { unchanged: [] as CheckedSource[], failures: [] as FailedCheck[], released: [] as string[] }
  const data: CheckVendorData = {
    statusSources: {
      recordCheckUnchanged: async (check) => {
        calls.unchanged.push(check)
        await unchanged(check)
      },
      recordCheckFailure: async (failure) => void calls.failures.push(failure),
      releaseLease: async (sourceId, owner) => void calls.released.push(`${sourceId}:${owner}`),
    },
    vendorSnapshots: {
      loadVendorState: () => Promise.reject(new Error('an unchanged page is never diffed')),
      applyVendorChanges: () => Promise.reject(new Error('an unchanged page writes nothing')),
    },
  }
  return { data, calls }
}

const deps = (data: CheckVendorData, fetchBodies: CheckVendorDeps['fetchBodies'], signal?: AbortSignal): CheckVendorDeps => ({
  data,
  now: () => now,
  random: () => 0.5,
  log: () => {},
  fetchBodies,
  withDb: (work) => work(),
  ...(signal && { signal }),
})

const notModified = async (): Promise<FetchedBodies> => ({ unchanged: true, cache: { summary: { etag: '"v2"' } } })

describe('checkVendor through its data port', () => {
  it('records an unchanged page as one check: new validators, due one interval later, lease released', async () => {
    const { data, calls } = fakeData()
    expect(await checkVendor(deps(data, notModified), options, source)).toEqual({ kind: 'unchanged' })
    expect(calls.unchanged).toEqual([
      { sourceId: 'source-1', leaseOwner: 'cycle-1', now, nextCheckAt: new Date(now.getTime() + 0.9 * MINUTE), httpCache: { summary: { etag: '"v2"' } } },
    ])
    expect(calls.failures).toEqual([])
  })

  it('reports a lost lease without recording a failure: the worker that holds it now speaks for the vendor', async () => {
    const { data, calls } = fakeData(() => Promise.reject(new LeaseLostError('lease lost before the check could be recorded')))
    expect(await checkVendor(deps(data, notModified), options, source)).toEqual({
      kind: 'failed',
      errorKind: 'lease_lost',
      message: 'lease lost before the check could be recorded',
    })
    expect(calls.failures).toEqual([])
  })

  it('hands the lease back, and records nothing else, when the cycle is stopped mid-fetch', async () => {
    const { data, calls } = fakeData()
    const stop = new AbortController()
    const aborted = async (): Promise<FetchedBodies> => {
      stop.abort()
      throw new FetchError('aborted', source.apiUrl ?? '', 'the cycle is stopping')
    }
    expect(await checkVendor(deps(data, aborted, stop.signal), options, source)).toEqual({ kind: 'interrupted' })
    expect(calls.released).toEqual(['source-1:cycle-1'])
    expect(calls.unchanged).toEqual([])
    expect(calls.failures).toEqual([])
  })

  it('records a failed fetch on the source, backing off, and keeps the vendor as it was', async () => {
    const { data, calls } = fakeData()
    const down = async (): Promise<FetchedBodies> => {
      throw new FetchError('http', source.apiUrl ?? '', 'HTTP 503', { status: 503 })
    }
    expect(await checkVendor(deps(data, down), options, source)).toEqual({ kind: 'failed', errorKind: 'http', message: 'HTTP 503' })
    expect(calls.failures).toEqual([
      { sourceId: 'source-1', leaseOwner: 'cycle-1', now, nextCheckAt: new Date(now.getTime() + MINUTE), kind: 'http', message: 'HTTP 503', resetSettings: false },
    ])
  })
})
