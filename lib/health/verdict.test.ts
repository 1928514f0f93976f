import { describe, expect, it } from 'vitest'
import { HEALTH_HTTP_STATUS, healthVerdict, type HealthFacts } from './verdict'

const now = new Date('2026-03-01T12:00:00Z')
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)
const healthy: HealthFacts = { now, refreshIntervalMs: 60_000, monitored: 997, failingNetwork: 3, stuckDeliveries: 0, lastRefreshStartedAt: minutesAgo(1) }

describe('healthVerdict', () => {
  it('is ok when vendors are reachable, alerts go out and cycles run', () => {
    expect(healthVerdict(healthy)).toEqual({ status: 'ok', reasons: [] })
  })

  it('is degraded when most monitored vendors fail for network reasons (no outbound network)', () => {
    const verdict = healthVerdict({ ...healthy, failingNetwork: 997 })
    expect(verdict.status).toBe('degraded')
    expect(verdict.reasons).toEqual([expect.stringMatching(/997 of 997 monitored vendors fail for network reasons/)])
  })

  it('needs a strict majority: half failing is a vendor problem, not ours', () => {
    expect(healthVerdict({ ...healthy, monitored: 10, failingNetwork: 5 }).status).toBe('ok')
    expect(healthVerdict({ ...healthy, monitored: 10, failingNetwork: 6 }).status).toBe('degraded')
    expect(healthVerdict({ ...healthy, monitored: 0, failingNetwork: 0 }).status).toBe('ok')
  })

  it('is degraded when alerts are stuck in the outbox', () => {
    const verdict = healthVerdict({ ...healthy, stuckDeliveries: 4 })
    expect(verdict).toEqual({ status: 'degraded', reasons: [expect.stringMatching(/4 alert\(s\) still unsent more than 30 minutes/)] })
  })

  it('is degraded when the last cycle is overdue, and not before', () => {
    expect(healthVerdict({ ...healthy, lastRefreshStartedAt: minutesAgo(9) }).status).toBe('ok')
    expect(healthVerdict({ ...healthy, lastRefreshStartedAt: minutesAgo(11) }).reasons).toEqual([expect.stringMatching(/started 11 minutes ago/)])
    // A slow interval moves the threshold with it: three missed cycles.
    expect(healthVerdict({ ...healthy, refreshIntervalMs: 3_600_000, lastRefreshStartedAt: minutesAgo(150) }).status).toBe('ok')
    expect(healthVerdict({ ...healthy, refreshIntervalMs: 3_600_000, lastRefreshStartedAt: minutesAgo(181) }).status).toBe('degraded')
  })

  it('does not call a fresh install overdue before its first cycle', () => {
    expect(healthVerdict({ ...healthy, lastRefreshStartedAt: null }).status).toBe('ok')
  })

  it('lists every reason at once', () => {
    expect(healthVerdict({ ...healthy, failingNetwork: 900, stuckDeliveries: 1, lastRefreshStartedAt: minutesAgo(60) }).reasons).toHaveLength(3)
  })
})

describe('HEALTH_HTTP_STATUS', () => {
  it('answers 503 only when the database is down; degraded stays 200 so probes do not pull a serving app', () => {
    expect(HEALTH_HTTP_STATUS).toEqual({ ok: 200, degraded: 200, error: 503 })
  })
})
