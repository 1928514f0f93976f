import { describe, expect, it } from 'vitest'
import { renderUpstreamText, upstreamPlainText } from './upstream-text'

describe('renderUpstreamText: readable', () => {
  it('renders Markdown as the vendors write it', () => {
    const html = renderUpstreamText('## Incident Report\n\n**Summary:** a *bad* deploy.\n\n- one\n- two\n\nSee https://status.example.com/x')
    expect(html).toContain('<h4>Incident Report</h4>')
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
})
