import { describe, expect, it } from 'vitest'
import { issueKnownDevice, readCookie, verifyKnownDevice } from './known-device'

const SECRET = 'a test secret that is long enough to sign with'

describe('known-device cookie', () => {
  it('is accepted for the account it was issued for, whatever the email’s case', () => {
    const value = issueKnownDevice('Owner@example.com', SECRET)
    const deviceId = verifyKnownDevice(value, 'owner@example.com', SECRET)
    expect(deviceId).toMatch(/^[\w-]{22}$/)
    expect(value.startsWith(`${deviceId}.`)).toBe(true)
    expect(issueKnownDevice('owner@example.com', SECRET, deviceId)).toBe(value)
  })
  it('is refused for another account, another secret, or when tampered with', () => {
    const value = issueKnownDevice('attacker@example.com', SECRET)
    expect(verifyKnownDevice(value, 'owner@example.com', SECRET)).toBeUndefined()
    expect(verifyKnownDevice(value, 'attacker@example.com', `${SECRET}!`)).toBeUndefined()
    const [id, mac] = value.split('.')
    expect(verifyKnownDevice(`${id?.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}.${mac}`, 'attacker@example.com', SECRET)).toBeUndefined()
    expect(verifyKnownDevice(`${value}.x`, 'attacker@example.com', SECRET)).toBeUndefined()
    expect(verifyKnownDevice(undefined, 'attacker@example.com', SECRET)).toBeUndefined()
    expect(verifyKnownDevice('garbage', 'attacker@example.com', SECRET)).toBeUndefined()
  })
  it('is read from a Cookie header among others', () => {
    expect(readCookie('a=1; vw-device=abc.def; b=2', 'vw-device')).toBe('abc.def')
    expect(readCookie('xvw-device=1', 'vw-device')).toBeUndefined()
    expect(readCookie(null, 'vw-device')).toBeUndefined()
  })
})
