// Whatever the Markdown renderer throws on (a stack overflow on input no limit foresaw), the text
// is shown plainly instead of failing the page, the feed or the email.
import { describe, expect, it, vi } from 'vitest'
import { renderUpstreamText, upstreamPlainText } from './upstream-text'

vi.mock('marked', () => ({
  Marked: class {
    parse(): string {
      throw new RangeError('Maximum call stack size exceeded')
    }
  },
}))

describe('upstream text when the renderer throws', () => {
  it('falls back to escaped plain text', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(renderUpstreamText('**Fixed** <b>now</b> & "done"\nnext line')).toBe('<p>**Fixed** now &amp; "done"<br />next line</p>\n')
    expect(upstreamPlainText('**Fixed** <b>now</b> & done')).toBe('**Fixed** now & done')
    expect(upstreamPlainText('<p>Fixed.</p><p>Next</p>line<br>two')).toBe('Fixed.\n\nNext\n\nline\ntwo')
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/could not be rendered \(Maximum call stack size exceeded\)/))
  })
})
