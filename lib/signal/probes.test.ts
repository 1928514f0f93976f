import { describe, expect, it } from 'vitest'
import { FetchError, type FetchTextResult } from '@/lib/ingest/http'
import { probeThroughClient, type ProbeAnswer, type ProbeRequest } from './probe-request'
import { runDueProbes, type DueProbe, type ProbeOutcome, type ProbeRunData, type ProbeRunOptions } from './probes'

const T0 = new Date('2026-03-02T09:00:00Z')
const MINUTE = 60_000

/** The data ports over an in-memory table, with the claim's semantics (due = nextCheckAt null or past). */
function memoryData(probes: DueProbe[]) {
  const nextCheckAt = new Map<string, Date | null>(probes.map((p) => [p.id, null]))
  const results: ProbeOutcome[] = []
  const released: string[] = []
  const data: ProbeRunData = {
    async claimDueProbes(now, next, limit) {
      const due = probes.filter((p) => {
        const at = nextCheckAt.get(p.id)
        return !at || at <= now
      })
      const claimed = due.slice(0, limit)
      for (const p of claimed) nextCheckAt.set(p.id, next)
      return claimed
    },
    async releaseProbes(ids, now) {
      for (const id of ids) nextCheckAt.set(id, now)
      released.push(...ids)
    },
    async recordProbeResults(outcomes) {
      results.push(...outcomes)
    },
    async pruneProbeResults(before) {
      const kept = results.filter((r) => r.checkedAt >= before)
      const pruned = results.length - kept.length
      results.splice(0, results.length, ...kept)
      return pruned
    },
  }
  return { data, results, released }
}

const probe = (id: string, upBelow = 500): DueProbe => ({ id, url: `https://${id}.example/`, upBelow })

/** A request that answers from a table, advancing the fake monotonic clock by each answer's latency. */
function scriptedRequest(clock: { mono: number }, answers: Record<string, ProbeAnswer & { latencyMs?: number }>) {
  const asked: string[] = []
  const request: ProbeRequest = async (url) => {
    asked.push(url)
    const answer = answers[url] ?? { kind: 'status', status: 200 }
    clock.mono += answer.latencyMs ?? 100
    return answer
  }
  return { request, asked }
}

function options(data: ProbeRunData, request: ProbeRequest, clock: { mono: number; now: Date }, extra: Partial<ProbeRunOptions> = {}): ProbeRunOptions {
  return {
    data,
    request,
    now: () => clock.now,
    monotonicMs: () => clock.mono,
    intervalMs: MINUTE,
    budgetMs: 6_000,
    requestTimeoutMs: 4_000,
    concurrency: 4,
    limit: 100,
    retentionMs: 30 * 24 * 60 * MINUTE,
    ...extra,
  }
}

describe('runDueProbes', () => {
  it('counts an answer below upBelow as up (an API root answering 401 is alive), 5xx and no answer as down', async () => {
    const clock = { mono: 0, now: T0 }
    const { data, results } = memoryData([probe('ok'), probe('auth'), probe('err'), probe('strict', 300), probe('dns'), probe('big')])
    const { request } = scriptedRequest(clock, {
      'https://ok.example/': { kind: 'status', status: 200, latencyMs: 120 },
      'https://auth.example/': { kind: 'status', status: 401 },
      'https://err.example/': { kind: 'status', status: 503 },
      'https://strict.example/': { kind: 'status', status: 404 },
      'https://dns.example/': { kind: 'failed', error: 'network: dns.example: ENOTFOUND' },
      'https://big.example/': { kind: 'too-large' },
    })
    const summary = await runDueProbes(options(data, request, clock, { concurrency: 1 }))
    expect(summary).toMatchObject({ claimed: 6, checked: 6, up: 3, down: 3, handedBack: 0 })
    const by = Object.fromEntries(results.map((r) => [r.probeId, r]))
    expect(by.ok).toEqual({ probeId: 'ok', checkedAt: T0, ok: true, statusCode: 200, latencyMs: 120, error: null })
    expect(by.auth).toMatchObject({ ok: true, statusCode: 401 })
    expect(by.err).toMatchObject({ ok: false, statusCode: 503, error: null })
    expect(by.strict).toMatchObject({ ok: false, statusCode: 404 })
    // No answer: no status and no latency (the contract's null), and why.
    expect(by.dns).toMatchObject({ ok: false, statusCode: null, latencyMs: null, error: 'network: dns.example: ENOTFOUND' })
    expect(by.big).toMatchObject({ ok: true, statusCode: null })
  })

  it('records a timeout as a failed check', async () => {
    const clock = { mono: 0, now: T0 }
    const { data, results } = memoryData([probe('slow')])
    const { request } = scriptedRequest(clock, { 'https://slow.example/': { kind: 'failed', error: 'timeout: slow.example: no complete response within 4000 ms', latencyMs: 4000 } })
    await runDueProbes(options(data, request, clock))
    expect(results).toEqual([{ probeId: 'slow', checkedAt: T0, ok: false, statusCode: null, latencyMs: null, error: 'timeout: slow.example: no complete response within 4000 ms' }])
  })

  it('is polite: a probe checked this interval is not requested again until the interval has passed', async () => {
    const clock = { mono: 0, now: T0 }
    const { data, results } = memoryData([probe('a'), probe('b')])
    const { request, asked } = scriptedRequest(clock, {})
    await runDueProbes(options(data, request, clock))
    expect(asked).toHaveLength(2)
    // Another run 30 s later (a manual check, the cron and the in-process schedule overlapping).
    clock.now = new Date(T0.getTime() + 30_000)
    expect(await runDueProbes(options(data, request, clock))).toMatchObject({ claimed: 0, checked: 0 })
    expect(asked).toHaveLength(2)
    clock.now = new Date(T0.getTime() + MINUTE)
    await runDueProbes(options(data, request, clock))
    expect(asked).toHaveLength(4)
    expect(results).toHaveLength(4)
  })

  it('starts no probe with less than its timeout left in the time box, and hands those back for the next run', async () => {
    const clock = { mono: 0, now: T0 }
    const { data, results, released } = memoryData(['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => probe(id)))
    // Each answer takes 1 s: with a 6 s box and a 4 s timeout, only the first three may start.
    const { request, asked } = scriptedRequest(
      clock,
      Object.fromEntries(['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => [`https://${id}.example/`, { kind: 'status' as const, status: 200, latencyMs: 1000 }])),
    )
    const summary = await runDueProbes(options(data, request, clock, { concurrency: 1 }))
    expect(asked).toEqual(['https://p1.example/', 'https://p2.example/', 'https://p3.example/'])
    expect(summary).toMatchObject({ claimed: 5, checked: 3, handedBack: 2 })
    expect(released).toEqual(['p4', 'p5'])
    expect(results.map((r) => r.probeId)).toEqual(['p1', 'p2', 'p3'])
    // Handed back means due at once: the next run (same instant) takes exactly those.
    expect(await runDueProbes(options(data, request, { mono: 0, now: T0 }))).toMatchObject({ claimed: 2, checked: 2 })
  })

  it('ends at the time box even when a request hangs, recording nothing for the cut request', async () => {
    const clock = { mono: 0, now: T0 }
    const { data, results, released } = memoryData([probe('hang'), probe('fine')])
    // A request that only ends when aborted, as the HTTP client does on its signal.
    const request: ProbeRequest = (url, signal) =>
      url.includes('hang')
        ? new Promise((resolve) => signal.addEventListener('abort', () => resolve({ kind: 'aborted' }), { once: true }))
        : Promise.resolve({ kind: 'status', status: 200 })
    const summary = await runDueProbes({ ...options(data, request, clock), budgetMs: 50, requestTimeoutMs: 0 })
    expect(summary).toMatchObject({ checked: 1, handedBack: 1 })
    expect(results.map((r) => r.probeId)).toEqual(['fine'])
    expect(released).toEqual(['hang'])
  })

  it('stops on shutdown: the request in flight is aborted, the rest are handed back, what was measured is kept', async () => {
    const clock = { mono: 0, now: T0 }
    const { data, results, released } = memoryData(['p1', 'p2', 'p3', 'p4'].map((id) => probe(id)))
    const stop = new AbortController()
    const request: ProbeRequest = (url, signal) => {
      if (url.includes('p1')) return Promise.resolve({ kind: 'status', status: 200 })
      // The second request is in flight when the process starts stopping.
      stop.abort()
      return Promise.resolve(signal.aborted ? { kind: 'aborted' } : { kind: 'status', status: 200 })
    }
    const summary = await runDueProbes({ ...options(data, request, clock, { concurrency: 1 }), signal: stop.signal })
    expect(results.map((r) => r.probeId)).toEqual(['p1'])
    expect(released).toEqual(['p2', 'p3', 'p4'])
    expect(summary).toMatchObject({ claimed: 4, checked: 1, handedBack: 3 })
  })

  it('keeps at most `concurrency` requests in flight', async () => {
    const clock = { mono: 0, now: T0 }
    const { data } = memoryData(Array.from({ length: 12 }, (_, i) => probe(`p${i}`)))
    let inFlight = 0
    let peak = 0
    const request: ProbeRequest = async () => {
      peak = Math.max(peak, ++inFlight)
      await new Promise((r) => setImmediate(r))
      inFlight--
      return { kind: 'status', status: 200 }
    }
    expect(await runDueProbes(options(data, request, clock, { concurrency: 3 }))).toMatchObject({ checked: 12 })
    expect(peak).toBe(3)
  })

  it('prunes results older than the retention', async () => {
    const clock = { mono: 0, now: T0 }
    const { data, results } = memoryData([probe('a')])
    const { request } = scriptedRequest(clock, {})
    await runDueProbes(options(data, request, clock))
    clock.now = new Date(T0.getTime() + 31 * 24 * 60 * MINUTE)
    const summary = await runDueProbes(options(data, request, clock))
    expect(summary.pruned).toBe(1)
    expect(results.map((r) => r.checkedAt)).toEqual([clock.now])
  })
})

describe('probeThroughClient', () => {
  const client = (outcome: FetchTextResult | FetchError) => ({
    fetchText: async () => {
      if (outcome instanceof FetchError) throw outcome
      return outcome
    },
  })
  const signal = new AbortController().signal
  const ok: FetchTextResult = { notModified: false, status: 200, text: '{}', bytes: 2, body: Buffer.from('{}'), finalUrl: 'https://x.example/' }

  it('turns the client’s outcomes into answers: statuses (also of non-2xx errors), failures with a short reason, our own aborts', async () => {
    expect(await probeThroughClient(client(ok))('https://x.example/', signal)).toEqual({ kind: 'status', status: 200 })
    expect(await probeThroughClient(client(new FetchError('http', 'u', 'x.example: HTTP 503', { status: 503 })))('u', signal)).toEqual({ kind: 'status', status: 503 })
    expect(await probeThroughClient(client(new FetchError('timeout', 'u', 'x.example: connect timed out after 3000 ms')))('u', signal)).toEqual({
      kind: 'failed',
      error: 'timeout: x.example: connect timed out after 3000 ms',
    })
    expect(await probeThroughClient(client(new FetchError('blocked', 'u', 'private address')))('u', signal)).toEqual({ kind: 'failed', error: 'blocked: private address' })
    expect(await probeThroughClient(client(new FetchError('aborted', 'u', 'stopping')))('u', signal)).toEqual({ kind: 'aborted' })
    expect(await probeThroughClient(client(new FetchError('too_large', 'u', 'big')))('u', signal)).toEqual({ kind: 'too-large' })
    const long = await probeThroughClient(client(new FetchError('network', 'u', 'x'.repeat(1000))))('u', signal)
    expect(long.kind === 'failed' && long.error.length).toBe(200)
  })

  it('asks for at most the probe body cap', async () => {
    let asked: unknown
    await probeThroughClient({ fetchText: async (_url, o) => ((asked = o), ok) })('https://x.example/', signal)
    expect(asked).toMatchObject({ maxBytes: 64 * 1024, signal })
  })
})
