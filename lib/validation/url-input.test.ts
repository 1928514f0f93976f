import { describe, expect, it } from 'vitest'
import { checkRequestTarget, hasControlChars, isRecordId, isSlug, parsePageParam } from './url-input'

describe('URL input validators', () => {
  it('know a slug and a record id, and nothing else', () => {
    expect(isSlug('github')).toBe(true)
    expect(isSlug('aws-eu')).toBe(true)
    for (const bad of ['git\u0000hub', 'GitHub', 'git/hub', '', '-x', 'x'.repeat(65), 'café', undefined, 42]) expect(isSlug(bad)).toBe(false)
    expect(isRecordId('cmi8x2k1p0000abcd1234efgh')).toBe(true)
    for (const bad of ['inc\u0000', 'a b', '', 'x'.repeat(41), "1' OR 1=1"]) expect(isRecordId(bad)).toBe(false)
  })

  it('read ?page= as plain digits within range, never 1e300', () => {
    expect(parsePageParam(undefined)).toBe(1)
    expect(parsePageParam('3')).toBe(3)
    expect(parsePageParam(['2', '9'])).toBe(2)
    for (const bad of ['1e300', '0', '-1', '1.5', '99999', '10001', 'abc', '', ' 1', '0x10', 'Infinity']) expect(parsePageParam(bad)).toBeNull()
  })

  it('see C0, DEL and C1 control characters', () => {
    for (const c of ['\u0000', '\r', '\n', '\t', '\u007f', '\u0085']) expect(hasControlChars(`a${c}b`)).toBe(true)
    expect(hasControlChars('café — 日本')).toBe(false)
  })
})

describe('checkRequestTarget', () => {
  it('lets ordinary page requests through, encoded non-ASCII included', () => {
    expect(checkRequestTarget('/vendors/github/incidents', '?page=2')).toBe('ok')
    expect(checkRequestTarget('/vendors', '?q=caf%C3%A9&category=Cloud+hosting')).toBe('ok')
    expect(checkRequestTarget('/sign-in', '?next=%2Fvendors%3Fq%3Dgit&watch=github')).toBe('ok')
    expect(checkRequestTarget('/', '')).toBe('ok')
  })

  it('answers 400 for a control character or bad percent-encoding in the path or query', () => {
    for (const [path, search] of [
      ['/vendors/git%00hub', ''],
      ['/vendors', '?q=git%00hub'],
      ['/vendors', '?category=%0d%0aX'],
      ['/sign-in', '?next=%2F%00'],
      ['/vendors/github/incidents/x%1b', ''],
      ['/vendors/%zz', ''],
      ['/vendors', '?q=%C3'],
      ['/vendors', '?q%00=x'],
      ['/vendors', '?q=%C2%85'],
    ] as const) {
      expect(checkRequestTarget(path, search), `${path}${search}`).toBe('bad_request')
    }
  })

  it('answers 404 for a segment or target no page of ours could have', () => {
    expect(checkRequestTarget(`/vendors/${'a'.repeat(201)}`, '')).toBe('not_found')
    expect(checkRequestTarget('/vendors', `?q=${'a'.repeat(5000)}`)).toBe('not_found')
  })
})
