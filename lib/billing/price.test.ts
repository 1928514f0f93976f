import { describe, expect, it } from 'vitest'
import { formatPrice } from './price'

const recurring = (interval: 'month' | 'year', interval_count = 1) => ({ interval, interval_count }) as NonNullable<Parameters<typeof formatPrice>[0]['recurring']>

describe('formatPrice', () => {
  it('shows whole amounts without cents and the billing interval', () => {
    expect(formatPrice({ unit_amount: 900, currency: 'usd', recurring: recurring('month') })).toEqual({ amount: '$9', interval: 'month' })
    expect(formatPrice({ unit_amount: 1250, currency: 'eur', recurring: recurring('year') })).toEqual({ amount: '€12.50', interval: 'year' })
    expect(formatPrice({ unit_amount: 2700, currency: 'usd', recurring: recurring('month', 3) })).toEqual({ amount: '$27', interval: '3 months' })
  })
  it('shows nothing for a price it cannot state (metered, or not recurring)', () => {
    expect(formatPrice({ unit_amount: null, currency: 'usd', recurring: recurring('month') })).toBeNull()
    expect(formatPrice({ unit_amount: 900, currency: 'usd', recurring: null })).toBeNull()
  })
})
