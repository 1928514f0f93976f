import { describe, expect, it } from 'vitest'
import { BADGE_COLOURS, bodyEtag, etagMatches, renderBadge } from './badge'

/** WCAG relative luminance contrast of white text on `hex`. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return 1.05 / (l + 0.05)
}

describe('renderBadge', () => {
  it('says the status in words for screen readers: role=img, aria-label and <title>', () => {
    const svg = renderBadge({ label: 'GitHub', status: 'partial_outage' })
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-label="GitHub: Partial outage">/)
    expect(svg).toContain('<title>GitHub: Partial outage</title>')
    expect(svg).toContain('>Partial outage</text>')
    expect(svg).toContain(`fill="${BADGE_COLOURS.partial_outage}"`)
  })

  it('never claims a status it has not read', () => {
    const svg = renderBadge({ label: 'Acme', status: null })
    expect(svg).toContain('aria-label="Acme: Not checked yet"')
    expect(svg).not.toContain('Operational')
  })

  it('escapes hostile names in the text, the title and the attribute', () => {
    const svg = renderBadge({ label: 'A"<script>&\'x', status: 'operational' })
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('aria-label="A&quot;&lt;script&gt;&amp;&apos;x: Operational"')
    expect(svg).toContain('<text x="')
  })

  it('cuts long names on the badge but keeps the whole name in the title', () => {
    const name = 'A'.repeat(60)
    const svg = renderBadge({ label: name, status: 'operational' })
    expect(svg).toContain(`<title>${name}: Operational</title>`)
    expect(svg).toContain(`>${'A'.repeat(39)}…</text>`)
  })

  it('grows with its text', () => {
    const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)?.[1])
    expect(width(renderBadge({ label: 'A much longer vendor name', status: 'operational' }))).toBeGreaterThan(width(renderBadge({ label: 'Ab', status: 'operational' })))
  })

  it('uses colours that white text reads on (WCAG AA, 4.5:1)', () => {
    for (const [status, colour] of Object.entries(BADGE_COLOURS)) expect({ status, ok: contrastWithWhite(colour) >= 4.5 }).toEqual({ status, ok: true })
    expect(contrastWithWhite('#24292f')).toBeGreaterThanOrEqual(4.5)
  })
})

describe('ETags', () => {
  it('change with the body and match If-None-Match lists, weak or strong', () => {
    const a = bodyEtag('<svg>a</svg>')
    expect(a).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    expect(bodyEtag('<svg>b</svg>')).not.toBe(a)
    expect(etagMatches(a, a)).toBe(true)
    expect(etagMatches(`"x", W/${a}`, a)).toBe(true)
    expect(etagMatches('"x"', a)).toBe(false)
    expect(etagMatches(null, a)).toBe(false)
  })
})
