// The limit message never offers an upgrade that cannot be bought (billing not configured).
import { describe, expect, it } from 'vitest'
import { watchlistLimitMessage } from './plans'

describe('watchlistLimitMessage', () => {
  it('offers the upgrade on the free plan when Pro can be bought', () => {
    expect(watchlistLimitMessage('free', true)).toMatch(/upgrade/i)
  })

  it('says only "unwatch" when billing is not configured', () => {
    const message = watchlistLimitMessage('free', false)
    expect(message).not.toMatch(/upgrade/i)
    expect(message).toMatch(/unwatch/i)
  })
})

describe('destination limits', () => {
  it('Free: one chat or webhook destination, no PagerDuty; Pro: twenty, PagerDuty included', async () => {
    const { PLANS, planAllowsKind } = await import('./plans')
    expect(PLANS.free.destinationLimit).toBe(1)
    expect(PLANS.pro.destinationLimit).toBe(20)
    expect(planAllowsKind('free', 'webhook')).toBe(true)
    expect(planAllowsKind('free', 'pagerduty')).toBe(false)
    expect(planAllowsKind('pro', 'pagerduty')).toBe(true)
  })

  it('names PagerDuty as Pro, and offers the upgrade only when it can be bought', async () => {
    const { destinationLimitMessage } = await import('./plans')
    expect(destinationLimitMessage('free', 'pagerduty', true)).toMatch(/PagerDuty is part of the Pro plan.*Upgrade/)
    expect(destinationLimitMessage('free', 'webhook', false)).not.toMatch(/upgrade/i)
    expect(destinationLimitMessage('pro', 'webhook', true)).toMatch(/up to 20/)
  })
})
