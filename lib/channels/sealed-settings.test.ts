import { describe, expect, it } from 'vitest'
import { deriveSettingsKey, openSettings, openWithKey, sealSettings, sealWithKey, SealedSettingsError } from './sealed-settings'

const key = deriveSettingsKey('a-test-secret-that-is-long-enough-0123456789')

describe('sealed settings', () => {
  it('round-trips and never holds the plaintext', () => {
    const sealed = sealWithKey(key, 'pagerduty', { routingKey: 'R0UTINGKEY1234567890abcdef012345' })
    expect(sealed).not.toContain('R0UTINGKEY')
    expect(openWithKey(key, 'pagerduty', sealed)).toEqual({ routingKey: 'R0UTINGKEY1234567890abcdef012345' })
  })

  it('seals the same settings differently every time (random IV)', () => {
    expect(sealWithKey(key, 'discord', { webhookUrl: 'https://x' })).not.toBe(sealWithKey(key, 'discord', { webhookUrl: 'https://x' }))
  })

  it('refuses another kind, another key and an altered text', () => {
    const sealed = sealWithKey(key, 'webhook', { url: 'https://h.example/in', secret: 'whsec_abc' })
    expect(() => openWithKey(key, 'discord', sealed)).toThrow(SealedSettingsError)
    expect(() => openWithKey(deriveSettingsKey('another-secret-that-is-long-enough-0123456789'), 'webhook', sealed)).toThrow(SealedSettingsError)
    const parts = sealed.split('.')
    const body = Buffer.from(parts[2]!, 'base64url')
    body[0] = body[0]! ^ 1
    expect(() => openWithKey(key, 'webhook', [parts[0], parts[1], body.toString('base64url'), parts[3]].join('.'))).toThrow(SealedSettingsError)
    expect(() => openWithKey(key, 'webhook', 'plain text')).toThrow(SealedSettingsError)
  })

  it('the app functions use the key from the environment', () => {
    const sealed = sealSettings('teams', { webhookUrl: 'https://example.webhook.office.com/x' })
    expect(openSettings('teams', sealed)).toEqual({ webhookUrl: 'https://example.webhook.office.com/x' })
  })
})
