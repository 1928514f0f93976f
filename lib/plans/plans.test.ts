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
