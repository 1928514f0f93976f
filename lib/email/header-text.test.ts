import { describe, expect, it } from 'vitest'
import { MAX_HEADER_CHARS, MAX_SUBJECT_CHARS, headerText, withSafeHeaders } from './header-text'

describe('headerText', () => {
  it('turns every line breaker into a space, so no value can start a header of its own', () => {
    for (const breaker of ['\r\n', '\n', '\r', '\0', '\u0085', '\u2028', '\u2029', '\u000b', '\u001b', '\u007f']) {
      expect(headerText(`Outage${breaker}Bcc: victim@example.com`)).toBe('Outage Bcc: victim@example.com')
    }
  })
  it('keeps ordinary text, accents and emoji as they are', () => {
    expect(headerText('GitHub — Incident: Dégradé 🚨 (Identified)')).toBe('GitHub — Incident: Dégradé 🚨 (Identified)')
  })
  it('bounds the length, without splitting a character in two', () => {
    expect(headerText('x'.repeat(5000))).toHaveLength(MAX_HEADER_CHARS)
    const cut = headerText(`${'a'.repeat(8)}🚨🚨`, 10)
    expect(cut).toBe(`${'a'.repeat(8)}…`)
  })
})

describe('withSafeHeaders', () => {
  it('cleans subject, from, to and every custom header, and drops headers with invalid names', () => {
    const safe = withSafeHeaders({
      from: 'Vendorwatch\r\nBcc: x@evil.example <a@vw.example>',
      to: 'ann@example.com\n',
      subject: `Acme — Incident: ${'Long\r\n'.repeat(200)}`,
      text: 'line one\nline two',
      headers: { 'List-Unsubscribe': '<https://vw.example/u?t=1>\r\nBcc: x@evil.example', 'Bad\r\nName': 'x', 'X:Colon': 'y' },
    })
    expect(safe.from).toBe('Vendorwatch Bcc: x@evil.example <a@vw.example>')
    expect(safe.to).toBe('ann@example.com')
    expect(safe.subject.length).toBeLessThanOrEqual(MAX_SUBJECT_CHARS)
    expect(safe.subject).not.toMatch(/[\r\n]/)
    expect(safe.headers).toEqual({ 'List-Unsubscribe': '<https://vw.example/u?t=1> Bcc: x@evil.example' })
    // Bodies are not headers: their line breaks stay.
    expect(safe.text).toBe('line one\nline two')
  })
})
