import { describe, expect, it } from 'vitest'
import { boundUpstreamText, lineNesting, MAX_INLINE_DELIMITERS, MAX_NESTING_DEPTH, MAX_UPSTREAM_CHARS } from './upstream-limits'

describe('lineNesting', () => {
  it('counts quote and list markers, and indentation in front of a list marker', () => {
    expect(lineNesting('plain words')).toBe(0)
    expect(lineNesting('> quoted')).toBe(1)
    expect(lineNesting('> > - item')).toBe(3)
    expect(lineNesting('    - nested item')).toBe(3)
    expect(lineNesting('12. numbered')).toBe(1)
    expect(lineNesting('2026. was a year')).toBe(1)
    expect(lineNesting('3.5 hours')).toBe(0)
    expect(lineNesting('-not a marker')).toBe(0)
  })
  it('ignores indentation that opens nothing (code, pretty-printed HTML)', () => {
    expect(lineNesting(`${' '.repeat(80)}<div>`)).toBe(0)
  })
})

describe('boundUpstreamText', () => {
  it('leaves ordinary text alone', () => {
    expect(boundUpstreamText('**We are investigating.**\r\n\r\n- API\n- Web')).toEqual({ text: '**We are investigating.**\n\n- API\n- Web', truncated: false, tooComplex: null })
  })
  it('cuts at a word break near the limit, never inside an emoji', () => {
    const bounded = boundUpstreamText('word '.repeat(MAX_UPSTREAM_CHARS))
    expect(bounded.truncated).toBe(true)
    expect(bounded.text.length).toBeLessThanOrEqual(MAX_UPSTREAM_CHARS)
    expect(bounded.text.endsWith('word')).toBe(true)
    const emoji = boundUpstreamText('🔥'.repeat(MAX_UPSTREAM_CHARS)).text
    expect(emoji.length % 2).toBe(0)
  })
  it('names the limit a body is past', () => {
    expect(boundUpstreamText('>'.repeat(MAX_NESTING_DEPTH + 1)).tooComplex).toMatch(/nesting depth 17/)
    expect(boundUpstreamText('>'.repeat(MAX_NESTING_DEPTH)).tooComplex).toBeNull()
    expect(boundUpstreamText('*a'.repeat(MAX_INLINE_DELIMITERS + 1)).tooComplex).toMatch(/1001 emphasis or code delimiters/)
    expect(boundUpstreamText('`'.repeat(MAX_INLINE_DELIMITERS + 1)).tooComplex).toMatch(/delimiters/)
    expect(boundUpstreamText('['.repeat(5_000)).tooComplex).toMatch(/5000 link openers/)
  })
})
