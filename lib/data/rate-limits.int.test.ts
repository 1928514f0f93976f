import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { hitRateLimit, hitRateLimits } from './rate-limits'

const MINUTE = 60_000
const limit = { name: 'test', max: 3, windowMs: 15 * MINUTE }
const at = (iso: string) => new Date(iso)

describe('database rate limits', () => {
  it('allows max hits per window, then says how long to wait; the next window starts over', async () => {
    const now = at('2026-05-01T10:07:30Z')
    for (let i = 0; i < 3; i++) expect(await hitRateLimit(limit, 'ip-1', now)).toEqual({ allowed: true })
    expect(await hitRateLimit(limit, 'ip-1', now)).toEqual({ allowed: false, retryAfterMs: 7.5 * MINUTE })
    expect(await hitRateLimit(limit, 'ip-2', now)).toEqual({ allowed: true })
    expect(await hitRateLimit(limit, 'ip-1', at('2026-05-01T10:15:00Z'))).toEqual({ allowed: true })
  })

  it('counts every one of many concurrent hits (atomic increment)', async () => {
    const now = at('2026-05-01T11:00:00Z')
    const results = await Promise.all(Array.from({ length: 30 }, () => hitRateLimit({ ...limit, max: 10 }, 'burst', now)))
    expect(results.filter((r) => r.allowed)).toHaveLength(10)
    const bucket = await db.rateLimitBucket.findFirstOrThrow({ where: { key: 'test:burst' } })
    expect(bucket.count).toBe(30)
  })

  it('refuses when any of several limits is exceeded, and counts all of them', async () => {
    const now = at('2026-05-01T12:00:00Z')
    const ip = { name: 'ip', max: 100, windowMs: 60 * MINUTE }
    const email = { name: 'email', max: 1, windowMs: 15 * MINUTE }
    expect(await hitRateLimits([{ limit: ip, subject: 'x' }, { limit: email, subject: 'e' }], now)).toEqual({ allowed: true })
    expect(await hitRateLimits([{ limit: ip, subject: 'x' }, { limit: email, subject: 'e' }], now)).toEqual({ allowed: false, retryAfterMs: 15 * MINUTE })
    expect((await db.rateLimitBucket.findFirstOrThrow({ where: { key: 'ip:x' } })).count).toBe(2)
  })

  it('sweeps buckets older than a day when a new window opens', async () => {
    await hitRateLimit(limit, 'old', at('2026-04-01T00:00:00Z'))
    await hitRateLimit(limit, 'new', at('2026-05-03T00:00:00Z'))
    expect(await db.rateLimitBucket.count({ where: { key: 'test:old' } })).toBe(0)
  })
})
