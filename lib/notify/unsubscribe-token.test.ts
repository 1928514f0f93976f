import { describe, expect, it } from 'vitest'
import { threadHeaders } from './threading'
import { createUnsubscribeToken, readUnsubscribeToken } from './unsubscribe-token'

const SECRET = 'a-test-secret-that-is-long-enough-0123456789'

describe('unsubscribe tokens', () => {
  it('round-trip a user and vendor (or all alerts)', () => {
    expect(readUnsubscribeToken(createUnsubscribeToken({ userId: 'u1', vendorId: 'v1' }, SECRET), SECRET)).toEqual({ userId: 'u1', vendorId: 'v1' })
    expect(readUnsubscribeToken(createUnsubscribeToken({ userId: 'u1', vendorId: null }, SECRET), SECRET)).toEqual({ userId: 'u1', vendorId: null })
  })
  it('refuse tampered, foreign and malformed tokens', () => {
    const token = createUnsubscribeToken({ userId: 'u1', vendorId: 'v1' }, SECRET)
    const [payload, signature] = token.split('.')
    const otherPayload = Buffer.from(JSON.stringify(['u2', 'v1'])).toString('base64url')
    expect(readUnsubscribeToken(`${otherPayload}.${signature}`, SECRET)).toBeNull()
    expect(readUnsubscribeToken(token, 'another-secret-another-secret-another-secret')).toBeNull()
    expect(readUnsubscribeToken(`${payload}.`, SECRET)).toBeNull()
    expect(readUnsubscribeToken('garbage', SECRET)).toBeNull()
    expect(readUnsubscribeToken(`${token}.extra`, SECRET)).toBeNull()
  })
})

describe('threadHeaders', () => {
  it('roots the thread at the first email and refers to it afterwards', () => {
    const first = threadHeaders({ host: 'vw.example', deliveryId: 'd1', userId: 'u1', thread: { kind: 'incident', id: 'i1', isFirst: true } })
    const later = threadHeaders({ host: 'vw.example', deliveryId: 'd2', userId: 'u1', thread: { kind: 'incident', id: 'i1', isFirst: false } })
    expect(first).toEqual({ 'Message-ID': '<incident-i1.u1@vw.example>' })
    expect(later).toEqual({ 'Message-ID': '<delivery-d2@vw.example>', 'In-Reply-To': '<incident-i1.u1@vw.example>', References: '<incident-i1.u1@vw.example>' })
  })
})
