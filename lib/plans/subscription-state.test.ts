import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { shouldReplace, subscriptionState, type HeardState, type StoredState } from './subscription-state'

const at = (s: number) => new Date(s * 1000)
const heard = (id: string, status: string, second: number, source: HeardState['source'] = 'updated'): HeardState => ({
  state: { stripeSubscriptionId: id, stripeCustomerId: 'cus_1', status, priceId: null, currentPeriodEnd: null, cancelAtPeriodEnd: false, userId: null },
  source,
  eventAt: at(second),
})
const stored = (id: string, status: string, second: number): StoredState => ({ stripeSubscriptionId: id, status, lastEventAt: at(second) })

describe('shouldReplace', () => {
  it('takes anything when nothing is stored', () => {
    expect(shouldReplace(null, heard('sub_1', 'incomplete', 1, 'created'))).toBe(true)
  })
  it('orders the same subscription by event time; ties go to the later-handled update, never to `created`', () => {
    expect(shouldReplace(stored('sub_1', 'active', 10), heard('sub_1', 'past_due', 11))).toBe(true)
    expect(shouldReplace(stored('sub_1', 'past_due', 11), heard('sub_1', 'active', 10))).toBe(false)
    expect(shouldReplace(stored('sub_1', 'active', 10), heard('sub_1', 'active', 10, 'fetched'))).toBe(true)
    expect(shouldReplace(stored('sub_1', 'active', 10), heard('sub_1', 'incomplete', 10, 'created'))).toBe(false)
  })
  it('treats canceled and incomplete_expired as final', () => {
    expect(shouldReplace(stored('sub_1', 'canceled', 10), heard('sub_1', 'active', 99))).toBe(false)
    expect(shouldReplace(stored('sub_1', 'incomplete_expired', 10), heard('sub_1', 'active', 99))).toBe(false)
  })
  it('between two subscriptions, prefers the one that gives Pro, then the newer', () => {
    expect(shouldReplace(stored('sub_old', 'canceled', 50), heard('sub_new', 'active', 10))).toBe(true)
    expect(shouldReplace(stored('sub_live', 'active', 10), heard('sub_abandoned', 'incomplete', 50))).toBe(false)
    expect(shouldReplace(stored('sub_a', 'canceled', 10), heard('sub_b', 'canceled', 50))).toBe(true)
    expect(shouldReplace(stored('sub_a', 'canceled', 50), heard('sub_b', 'canceled', 10))).toBe(false)
  })
})

describe('subscriptionState', () => {
  it('reads the period end from the items and the user id from the metadata', () => {
    const sub = {
      id: 'sub_1',
      customer: { id: 'cus_1' },
      status: 'active',
      metadata: { userId: 'u1' },
      cancel_at_period_end: false,
      cancel_at: 1_800_000_000,
      items: { data: [{ price: { id: 'price_pro' }, current_period_end: 1_790_000_000 }] },
    } as unknown as Stripe.Subscription
    expect(subscriptionState(sub)).toEqual({
      stripeSubscriptionId: 'sub_1',
      stripeCustomerId: 'cus_1',
      status: 'active',
      priceId: 'price_pro',
      currentPeriodEnd: new Date(1_790_000_000_000),
      // A cancellation scheduled for a date (cancel_at) ends the plan just like cancel_at_period_end.
      cancelAtPeriodEnd: true,
      userId: 'u1',
    })
  })
})
