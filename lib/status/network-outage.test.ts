import { describe, expect, it } from 'vitest'
import { isNetworkFailureKind, looksLikeNetworkOutage } from './network-outage'

describe('network outage detection', () => {
  it('counts DNS/connect failures and timeouts as network failures, not HTTP errors or bad payloads', () => {
    expect(['network', 'timeout'].map(isNetworkFailureKind)).toEqual([true, true])
    expect(['http', 'parse', 'too_large', 'blocked', null].map(isNetworkFailureKind)).toEqual([false, false, false, false, false])
  })

  it('is an outage when a strict majority failed for network reasons', () => {
    expect(looksLikeNetworkOutage(997, 997)).toBe(true)
    expect(looksLikeNetworkOutage(2, 4)).toBe(false)
    expect(looksLikeNetworkOutage(0, 0)).toBe(false)
  })
})
