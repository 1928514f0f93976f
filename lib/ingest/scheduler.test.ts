import { afterEach, describe, expect, it, vi } from 'vitest'
import { startScheduler } from './scheduler'

afterEach(() => vi.useRealTimers())

describe('startScheduler', () => {
  it('never runs two cycles at once and keeps the period near the interval', async () => {
    vi.useFakeTimers()
    let active = 0
    let maxActive = 0
    const starts: number[] = []
    const scheduler = startScheduler({
      intervalMs: 60_000,
      initialDelayMs: 1_000,
      log: () => {},
      runCycle: async () => {
        starts.push(Date.now())
        active++
        maxActive = Math.max(maxActive, active)
        await new Promise((r) => setTimeout(r, 20_000)) // a 20 s cycle
        active--
      },
    })
    const t0 = Date.now()
    await vi.advanceTimersByTimeAsync(1_000 + 3 * 60_000 + 20_000)
    await scheduler.stop()
    expect(maxActive).toBe(1)
    expect(starts.map((s) => s - t0)).toEqual([1_000, 61_000, 121_000, 181_000])
  })

  it('keeps going after a failed cycle, and stop() waits for the running one', async () => {
    vi.useFakeTimers()
    const log: string[] = []
    let calls = 0
    const scheduler = startScheduler({
      intervalMs: 10_000,
      initialDelayMs: 0,
      log: (m) => log.push(m),
      runCycle: async () => {
        calls++
        if (calls === 1) throw new Error('database unreachable')
      },
    })
    await vi.advanceTimersByTimeAsync(10_001)
    expect(calls).toBe(2)
    expect(log).toEqual(['[refresh] cycle failed: database unreachable'])
    await scheduler.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toBe(2)
  })
})
