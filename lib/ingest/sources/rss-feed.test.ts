import { describe, expect, it } from 'vitest'
import { costRatio } from '@/lib/testing/cpu-cost'
import { readFixture as fixture } from '@/lib/testing/source-tests'
import { MAX_DEPTH, MAX_ENTRIES, parseFeed } from './rss-feed'
import { decodeEntities } from './rss-xml'
import { SourceParseError } from './types'

/**
 * How the cost of `run` grows with the size of hostile input: the CPU time of one run on
 * `body(8n)` divided by that of eight runs on `body(n)`. Both do the same amount of work when `run`
 * is linear, so the ratio is about 1; a quadratic scan makes it about 8.
 */
function growthRatio(body: (n: number) => string, n: number, run: (body: string) => void): number {
  const big = body(8 * n)
  const small = body(n)
  return costRatio(() => run(big), () => run(small), 8)
}

const atom = (entries: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${entries}</feed>`

describe('parseFeed on recorded Atom (GitHub history.atom)', () => {
  it('reads all 25 entries with id, link, times and decoded HTML content', () => {
    const feed = parseFeed(fixture('rss-atom/github-history.atom'))
    expect(feed.kind).toBe('atom')
    expect(feed.title).toBe('GitHub Status - Incident History')
    expect(feed.updated).toBe('2026-08-22T03:43:56Z')
    expect(feed.entries).toHaveLength(25)
    const first = feed.entries[0]
    expect(first?.id).toBe('tag:www.githubstatus.com,2005:Incident/31233568')
    expect(first?.title).toBe('Intermittent failures creating agent tasks')
    expect(first?.link).toBe('https://www.githubstatus.com/incidents/bhbcjn4n3jzp')
    expect(first?.published).toBe('2026-08-21T00:37:20Z')
    // &lt;p&gt; in the wire text is real markup once decoded.
    expect(first?.content.startsWith("<p> <small>Aug <var data-var='date'>21</var>")).toBe(true)
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(25)
  })
})

describe('parseFeed on RSS 2.0 (synthetic)', () => {
  const feed = parseFeed(fixture('rss-atom/synthetic-rss2-generic.xml'))

  it('ignores comments and the DOCTYPE subset, and reads the channel', () => {
    expect(feed.kind).toBe('rss')
    expect(feed.title).toBe('Example Cloud \u2013 Status')
    expect(feed.updated).toBe('Tue, 10 Mar 2026 09:30:00 +0000')
    expect(feed.entries).toHaveLength(3)
  })
  it('reads CDATA titles, prefers content:encoded over description, keeps a non-permalink guid out of link', () => {
    const [first] = feed.entries
    expect(first?.title).toBe('Elevated error rates on the API & dashboard')
    expect(first?.id).toBe('example-incident-101')
    expect(first?.link).toBe('https://status.example.com/incidents/101')
    expect(first?.content).toBe('<p>We are investigating elevated <b>error rates</b> &amp; timeouts on the API.</p>')
    expect(first?.published).toBe('Tue, 10 Mar 2026 08:15:00 -0500')
  })
  it('decodes named and numeric entities, leaves unknown ones literal, reads dc:date', () => {
    const second = feed.entries[1]
    expect(second?.title).toBe('[Resolved] Delayed email notifications \u2014 \u00e9t\u00e9')
    expect(second?.content).toBe('Notifications were delayed by up to 20 minutes & are now delivered. &unknown; stays.')
    expect(second?.published).toBe('2026-03-08T22:00:00+01:00')
    expect(second?.id).toBeNull()
  })
  it('uses a permalink guid as the link when there is no <link>', () => {
    expect(feed.entries[2]?.link).toBe('https://status.example.com/maintenance/7')
  })
})

describe('parseFeed variations', () => {
  it('handles prefixed Atom, rel=alternate links, quoted ">" in attributes and xhtml content', () => {
    const xml = `\uFEFF<?xml version="1.0"?>
      <a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry>
        <a:id> urn:x:1 </a:id><a:title type='text'>One</a:title>
        <a:link rel="self" href="https://x/self"/>
        <a:link rel="alternate" title="a > b" href='https://x/one?a=1&amp;b=2'/>
        <a:updated>2026-01-02T03:04:05Z</a:updated>
        <a:content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p></div></a:content>
      </a:entry></a:feed>`
    const feed = parseFeed(xml)
    expect(feed.kind).toBe('atom')
    expect(feed.entries[0]).toEqual({
      id: 'urn:x:1',
      title: 'One',
      link: 'https://x/one?a=1&b=2',
      published: null,
      updated: '2026-01-02T03:04:05Z',
      content: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p></div>',
    })
  })
  it('reads RSS 1.0 (RDF) items that sit beside the channel, and Atom summary', () => {
    const rdf = parseFeed(
      '<rdf:RDF xmlns:rdf="x"><channel><title>C</title></channel><item><title>I</title><link>https://x/i</link><description>d</description></item></rdf:RDF>',
    )
    expect(rdf.title).toBe('C')
    expect(rdf.entries.map((e) => [e.title, e.link, e.content])).toEqual([['I', 'https://x/i', 'd']])
    const summary = parseFeed(atom('<entry><id>1</id><summary>s &amp; t</summary></entry>'))
    expect(summary.entries[0]?.content).toBe('s & t')
  })
  it('tolerates unclosed HTML-ish children and stray close tags inside an entry', () => {
    const feed = parseFeed(atom('<entry><id>1</id><title>A<br>B</title></bogus><content>x</content></entry><entry><id>2</id></entry>'))
    expect(feed.entries.map((e) => e.id)).toEqual(['1', '2'])
    expect(feed.entries[0]?.title).toBe('AB')
    expect(feed.entries[0]?.content).toBe('x')
  })
  it('decodes numeric references safely', () => {
    expect(decodeEntities('&#65;&#x42;&#X43;&#0;&#xD800;&#x110000;&#xZZ;&amp;lt;')).toBe('ABC\ufffd\ufffd\ufffd&#xZZ;&lt;')
  })
  it('decodes &nbsp; in the same single pass as the XML entities', () => {
    expect(decodeEntities('a&nbsp;b &amp;nbsp; &amp;amp; &eacute;')).toBe('a\u00a0b &nbsp; &amp; &eacute;')
  })
})

describe('parseFeed rejects what is not a feed', () => {
  const rejects = (body: string | null, message: RegExp) => expect(() => parseFeed(body)).toThrow(message)
  it('empty, HTML, JSON and plain text bodies', () => {
    rejects('', /empty/)
    rejects(null, /empty/)
    rejects('  \uFEFF ', /empty/)
    rejects('<!DOCTYPE html><html><head><title>Status</title></head><body></body></html>', /root element <html>/)
    rejects('{"status":"ok"}', /not XML/)
    expect(() => parseFeed('Service Unavailable')).toThrow(SourceParseError)
  })
  it('truncated bodies: cut mid-document, mid-tag, in CDATA, in a comment', () => {
    const full = fixture('rss-atom/github-history.atom')
    rejects(full.slice(0, Math.floor(full.length / 2)), /truncated/)
    rejects(atom('<entry><title').slice(0, -7), /truncated/)
    rejects('<rss><channel><item><title><![CDATA[never ends', /truncated/)
    rejects('<rss><!-- never ends', /truncated/)
    rejects('<rss><channel><item><link href="never closes>', /truncated/)
  })
  it('truncated bodies name what was left unfinished, also before the root element', () => {
    rejects('<?xml version="1.0" enc', /truncated XML \(unterminated processing instruction\)/)
    rejects('<?xml version="1.0"?><!DOCTYPE rss', /truncated XML \(unterminated declaration\)/)
    rejects('<rss><channel><title>T</title></channel></rss><!-- cut', /truncated XML \(unterminated comment\)/)
    rejects('<rss><channel><item><title><![CDATA[cut', /truncated XML \(unterminated CDATA section\)/)
    rejects('<rss><channel><item><title a="1"', /truncated XML \(unterminated tag\)/)
  })
})

describe('parseFeed on hostile input stays linear and bounded', () => {
  it('refuses nesting deeper than MAX_DEPTH instead of walking it', () => {
    const depth = MAX_DEPTH + 10
    rejects(`<feed><entry>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</entry></feed>`)
    function rejects(body: string) {
      expect(() => parseFeed(body)).toThrow(/nested deeper/)
    }
  })
  it('handles up to a megabyte of junk at a cost that grows linearly with its size', () => {
    // Each case at n and 8n repeats (8n is up to a megabyte). Much bigger strings stop growing linearly
    // for reasons outside the parser (V8's large-string and GC costs), so the sizes stay below that.
    const cases: [name: string, body: (n: number) => string, n: number][] = [
      ["'&' without ';'", (n) => atom(`<entry><id>1</id><content>${'&'.repeat(n)}</content></entry>`), 125_000],
      ['unclosed children', (n) => atom(`<entry><id>1</id><content>${'<br>'.repeat(n)}</content></entry>`), 12_500],
      ['stray closes', (n) => atom(`<entry><id>1</id>${'</nope>'.repeat(n)}</entry>`), 12_500],
      ['huge attribute', (n) => atom(`<entry><id>1</id><title a="${'x'.repeat(n)}">t</title></entry>`), 62_500],
      ['escaped markup', (n) => atom(`<entry><id>1</id><content type="html">${'&lt;small&gt;'.repeat(n)}</content></entry>`), 6_250],
    ]
    for (const [name, body, n] of cases) {
      const ratio = growthRatio(body, n, (text) => expect(parseFeed(text).entries).toHaveLength(1))
      // Linear is ~1 and quadratic ~8 (measured: 0.9-1.2 and 11); 3 leaves room for GC and noise.
      expect(ratio, name).toBeLessThan(3)
    }
    // A hang guard, not a speed limit: the cost is measured as a ratio above.
  }, 120_000)
  it('caps the number of entries', () => {
    const feed = parseFeed(atom('<entry><id>e</id></entry>'.repeat(MAX_ENTRIES + 50)))
    expect(feed.entries).toHaveLength(MAX_ENTRIES)
  })
  it('never expands custom DTD entities', () => {
    const bomb = `<!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${atom('<entry><id>&b;</id></entry>')}`
    expect(parseFeed(bomb).entries[0]?.id).toBe('&b;')
  })
})
