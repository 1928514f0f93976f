import { describe, expect, it } from 'vitest'
import { costRatio } from '@/lib/testing/cpu-cost'
import { POISON_BODIES } from '@/lib/testing/poison-bodies'
import { MAX_UPSTREAM_CHARS, TRUNCATION_NOTE } from './upstream-limits'
import { renderUpstreamText, upstreamPlainText } from './upstream-text'

describe('renderUpstreamText: readable', () => {
  it('starts upstream headings at h3 under the page’s h2 and never skips a level', () => {
    expect(renderUpstreamText('## What happened\n\ntext')).toContain('<h3>What happened</h3>')
    const html = renderUpstreamText('# Report\n\n### Cause\n\n###### Detail\n\ntext')
    expect(html).toContain('<h3>Report</h3>')
    expect(html).toContain('<h4>Cause</h4>')
    expect(html).toContain('<h5>Detail</h5>')
    expect(renderUpstreamText('<h1>Big</h1><h2>Sub</h2>')).toMatch(/<h3>Big<\/h3>\s*<h4>Sub<\/h4>/)
  })

  it('renders Markdown as the vendors write it', () => {
    const html = renderUpstreamText('## Incident Report\n\n**Summary:** a *bad* deploy.\n\n- one\n- two\n\nSee https://status.example.com/x')
    expect(html).toContain('<h3>Incident Report</h3>')
    expect(html).toContain('<strong>Summary:</strong>')
    expect(html).toContain('<em>bad</em>')
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/)
    expect(html).toContain('<a href="https://status.example.com/x" target="_blank" rel="noopener noreferrer nofollow ugc">')
  })

  it('keeps line breaks of plain text with Windows line endings', () => {
    expect(renderUpstreamText('Line one\r\nLine two')).toBe('<p>Line one<br />Line two</p>\n')
  })

  it('keeps the harmless parts of upstream HTML', () => {
    const aws = '<div><span class="yellowfg">12:53 PM PDT</span>&nbsp;We are investigating <b>increased error rates</b>.</div>'
    const html = renderUpstreamText(aws)
    expect(html).toContain('12:53 PM PDT')
    expect(html).toContain('<b>increased error rates</b>')
    expect(html).not.toContain('class=')
  })
})

describe('renderUpstreamText: hostile payloads stay inert', () => {
  const cases: [string, string][] = [
    ['script tag', '<script>alert(1)</script>Hello'],
    ['script in markdown', 'Hello\n\n<script>document.cookie</script>'],
    ['event handler', '<img src=x onerror=alert(1)><p onclick="alert(1)">hi</p>'],
    ['javascript: link (html)', '<a href="javascript:alert(1)">click</a>'],
    ['javascript: link (markdown)', '[click](javascript:alert(1))'],
    ['encoded javascript: link', '<a href="jav&#x61;script:alert(1)">x</a>'],
    ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['style', '<style>body{display:none}</style><p style="position:fixed">x</p>'],
    ['svg', '<svg onload=alert(1)><script>alert(1)</script></svg>'],
    ['form', '<form action="https://evil.example"><input name=x><button>go</button></form>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ['object', '<object data="x.swf"></object><embed src="x.swf">'],
  ]
  for (const [name, payload] of cases) {
    it(name, () => {
      const html = renderUpstreamText(payload)
      expect(html).not.toMatch(/<script|<iframe|<style|<svg|<form|<input|<object|<embed|<meta|<img/i)
      expect(html).not.toMatch(/\son\w+\s*=/i)
      expect(html).not.toMatch(/javascript:|data:text/i)
      expect(html).not.toMatch(/style=/i)
      expect(html).not.toContain('alert(1)</') // script bodies are dropped, not shown as text
    })
  }

  it('opens external links safely', () => {
    const html = renderUpstreamText('<a href="https://example.com" target="_self" rel="opener">x</a>')
    expect(html).toBe('<p><a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow ugc">x</a></p>\n')
  })
})

describe('upstreamPlainText', () => {
  it('strips markup to readable text', () => {
    expect(upstreamPlainText('**We are investigating** <b>errors</b> & <script>x()</script>timeouts')).toBe('We are investigating errors & timeouts')
  })

  it('keeps the breaks that paragraphs, line breaks and list items stood for', () => {
    expect(upstreamPlainText('<p>The fix is done.</p><p>Next we watch.</p>')).toBe('The fix is done.\n\nNext we watch.')
    expect(upstreamPlainText('Line one<br>Line two<br/>Line three')).toBe('Line one\nLine two\nLine three')
    expect(upstreamPlainText('<ul><li>one</li><li>two</li></ul>')).toBe('one\ntwo')
    expect(upstreamPlainText('<div>12:53 PM</div><div>Resolved.</div>')).toBe('12:53 PM\n\nResolved.')
    expect(upstreamPlainText('<table><tr><td>API</td><td>down</td></tr><tr><td>Web</td><td>up</td></tr></table>')).toBe('API down\nWeb up')
  })

  it('keeps Markdown paragraphs and line breaks apart', () => {
    expect(upstreamPlainText('We are investigating.\nMore soon.')).toBe('We are investigating.\nMore soon.')
    expect(upstreamPlainText('Para one.\n\nPara two.\n\n- a\n- b')).toBe('Para one.\n\nPara two.\n\na\nb')
  })
})

// Bodies that broke the renderer (stack overflow) or held the event loop for seconds before it was
// bounded. Each must render to escaped text that still says what the vendor wrote, at a cost that
// grows no faster than the body: one render of the body repeated eight times costs about what eight
// renders of the body do. Measured precisely (lib/testing/cpu-cost.ts), linear rendering reads
// 0.5–3x here (one pass over 800 KB costs more per byte than eight over 100 KB held in cache) and the
// same at 32x, so it is a constant factor; a super-linear renderer reads ~8x and more (the 100 KB of
// *a once took ~2–3 s a call). 5 lies between the two.
describe('renderUpstreamText: poison payloads fail alone', () => {
  for (const [name, body] of POISON_BODIES) {
    it(`${name}: renders without throwing, cut to the limit`, () => {
      const html = renderUpstreamText(body)
      const text = upstreamPlainText(body)
      const eightfold = body.repeat(8)
      const render = (b: string) => () => { renderUpstreamText(b); upstreamPlainText(b) }
      expect(costRatio(render(eightfold), render(body), 8)).toBeLessThan(5)
      expect(html.length).toBeLessThan(MAX_UPSTREAM_CHARS * 6)
      expect(text.length).toBeLessThan(MAX_UPSTREAM_CHARS + TRUNCATION_NOTE.length + 10)
      expect(html).not.toMatch(/<(?!\/?(p|br|em|strong|ul|ol|li|blockquote|code|pre|del|a|h[3-6]|hr|table|thead|tbody|tr|th|td|span|div)\b)/)
    }, 60_000) // a hang guard, not a speed limit: the cost is measured as a ratio
  }

  it('shows over-nested text as escaped plain text, with its words', () => {
    const html = renderUpstreamText(`${'>'.repeat(2_000)} <b>still</b> here`)
    expect(html).toMatch(/^<p>(&gt;)+ still here<\/p>\n$/)
    expect(upstreamPlainText(`${'>'.repeat(2_000)} still here`)).toMatch(/^>+ still here$/)
  })

  it('keeps line breaks and strips tags in the plain fallback', () => {
    const html = renderUpstreamText(`${'*a'.repeat(1_100)}\nsecond <script>x()</script>line\n\nnew paragraph`)
    expect(html).toContain('<br />second line</p>\n<p>new paragraph</p>')
    expect(html).not.toContain('<em>')
  })

  it('cuts long text at a line break and says so', () => {
    const line = 'We are investigating elevated error rates on the API.\n'
    const body = line.repeat(Math.ceil((MAX_UPSTREAM_CHARS * 2) / line.length))
    const html = renderUpstreamText(body)
    expect(html).toContain(TRUNCATION_NOTE.replace(/'/g, '&#39;'))
    expect(html).toMatch(/rates on the API\.<\/p>\n<p><em>\[Truncated/)
    const text = upstreamPlainText(body)
    expect(text.endsWith(`rates on the API.\n\n${TRUNCATION_NOTE}`)).toBe(true)
    expect(text.length).toBeLessThanOrEqual(MAX_UPSTREAM_CHARS + TRUNCATION_NOTE.length + 2)
  })

  it('renders ordinary Markdown as before, without a note', () => {
    expect(renderUpstreamText('**Resolved.** See [the post](https://x.example).')).toBe(
      '<p><strong>Resolved.</strong> See <a href="https://x.example" target="_blank" rel="noopener noreferrer nofollow ugc">the post</a>.</p>\n',
    )
  })
})
