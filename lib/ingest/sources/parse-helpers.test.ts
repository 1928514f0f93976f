import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseJson, parseWithSchema, toDate, zOptionalDate } from './parse-helpers'
import { SourceParseError } from './types'

describe('toDate', () => {
  it('converts ISO timestamps with offsets to the right UTC instant', () => {
    expect(toDate('2020-06-16T14:00:29.031-07:00')?.toISOString()).toBe('2020-06-16T21:00:29.031Z')
    expect(toDate('2022-07-01T10:00:00+02:00')?.toISOString()).toBe('2022-07-01T08:00:00.000Z')
  })
  it('reads epoch seconds and milliseconds, as numbers or strings', () => {
    expect(toDate('1772369485')?.toISOString()).toBe('2026-03-01T12:51:25.000Z')
    expect(toDate(1772369485000)?.toISOString()).toBe('2026-03-01T12:51:25.000Z')
  })
  it('reads JavaScript Date.toString() output with its offset', () => {
    expect(toDate('Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)')?.toISOString()).toBe('2022-06-11T18:55:50.000Z')
    expect(toDate('Sat Jun 11 2022 11:55:50 GMT-0700 (Pacific Daylight Time)')?.toISOString()).toBe('2022-06-11T18:55:50.000Z')
  })
  it('reads RFC 2822 dates from feeds', () => {
    expect(toDate('Tue, 10 Aug 2021 00:17:00 +0000')?.toISOString()).toBe('2021-08-10T00:17:00.000Z')
  })
  it('treats a zone-less ISO time as UTC and rejects garbage', () => {
    expect(toDate('2024-01-02 03:04:05')?.toISOString()).toBe('2024-01-02T03:04:05.000Z')
    expect(toDate('yesterday')).toBeNull()
    expect(toDate(null)).toBeNull()
    expect(toDate({})).toBeNull()
  })
})

describe('parseJson', () => {
  it('names HTML, empty and truncated bodies', () => {
    expect(() => parseJson('<!doctype html><html>', 'summary')).toThrow(/HTML/)
    expect(() => parseJson('', 'summary')).toThrow(/empty/)
    expect(() => parseJson('{"page": {"id": ', 'summary')).toThrow(SourceParseError)
  })
  it('accepts a UTF-8 byte order mark', () => {
    expect(parseJson('\uFEFF{"a":1}', 'x')).toEqual({ a: 1 })
  })
})

describe('parseWithSchema', () => {
  it('reports the offending path', () => {
    expect(() => parseWithSchema(z.object({ a: z.string() }), { a: 1 }, 'thing')).toThrow(/thing: unexpected shape \(a:/)
  })
})

describe('zOptionalDate', () => {
  it('reads a missing key, null and garbage as null, and a timestamp as a Date', () => {
    const schema = z.object({ at: zOptionalDate })
    expect(schema.parse({}).at).toBeNull()
    expect(schema.parse({ at: null }).at).toBeNull()
    expect(schema.parse({ at: 'soon' }).at).toBeNull()
    expect(schema.parse({ at: '2026-11-24T10:00:00+01:00' }).at?.toISOString()).toBe('2026-11-24T09:00:00.000Z')
  })
})
