// What a rendered page's bytes are made of (issue 18): the markup of each <section>, the RSC flight
// payload Next inlines as `self.__next_f.push` scripts (it repeats the server tree as JSON), the
// head and the rest. Pure over the HTML text, so the bench and a unit test share it.
import { gzipSync } from 'node:zlib'

export interface WeightPart {
  name: string
  bytes: number
  gzip: number
}

export interface PageWeight {
  bytes: number
  gzip: number
  /** Disjoint parts of the HTML that add up to `bytes` (gzip sizes are of each part alone). */
  parts: WeightPart[]
  /** The decoded flight payload split the same way: sections by their aria-labelledby, the rest. */
  flight: WeightPart[]
}

const FLIGHT_SCRIPT = /<script>self\.__next_f\.push\((\[.*?\])\)<\/script>/gs
const OTHER_SCRIPT = /<script\b[^>]*>.*?<\/script>/gs
const bytes = (s: string) => Buffer.byteLength(s)
const part = (name: string, text: string): WeightPart => ({ name, bytes: bytes(text), gzip: gzipSync(text).length })

/** The section's name: its aria-labelledby (e.g. "components-heading" -> "components"), else "section". */
const sectionName = (openTag: string) => /aria-labelledby="([^"]+)"/.exec(openTag)?.[1]?.replace(/-heading$/, '') ?? 'section'

/** Each top-level <section>…</section> of the markup, matched by depth (sections may nest). */
function markupSections(markup: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = []
  const tags = /<(\/?)section\b[^>]*>/g
  let depth = 0
  let open: { name: string; start: number } | null = null
  for (let m = tags.exec(markup); m; m = tags.exec(markup)) {
    if (m[1] === '') {
      if (depth++ === 0) open = { name: sectionName(m[0]), start: m.index }
    } else if (--depth === 0 && open) {
      out.push({ ...open, end: m.index + m[0].length })
      open = null
    }
  }
  return out
}

/** The decoded text of every inline flight chunk, in order. */
export function flightText(html: string): string {
  let text = ''
  for (const m of html.matchAll(FLIGHT_SCRIPT)) {
    const chunk = JSON.parse(m[1] ?? '[]') as unknown[]
    if (typeof chunk[1] === 'string') text += chunk[1]
  }
  return text
}

/** End of the JSON array that starts at `start` (a '['), skipping strings. */
function arrayEnd(text: string, start: number): number {
  let depth = 0
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
    } else if (c === '[') depth++
    else if (c === ']' && --depth === 0) return i + 1
  }
  return text.length
}

/** The rows of a flight payload by id, as written: `id:json\n`, or `id:T<hex length>,<text>` (may hold newlines). */
export function flightRows(text: string): Map<string, string> {
  const rows = new Map<string, string>()
  const buf = Buffer.from(text)
  let at = 0
  while (at < buf.length) {
    const colon = buf.indexOf(':', at)
    if (colon < 0) break
    const id = buf.toString('utf8', at, colon)
    let end: number
    if (buf[colon + 1] === 0x54 /* T */) {
      const comma = buf.indexOf(',', colon)
      end = comma + 1 + parseInt(buf.toString('utf8', colon + 2, comma), 16)
    } else {
      end = buf.indexOf('\n', colon)
      if (end < 0) end = buf.length
    }
    const next = buf[end] === 0x0a ? end + 1 : end
    rows.set(id, buf.toString('utf8', at, next))
    at = next
  }
  return rows
}

const REFERENCE = /"\$[L@Q]?([0-9a-f]+)"/g

/**
 * Each ["$","section",…] element of the flight payload that carries an aria-labelledby, with every
 * row it references (React outlines big children into rows of their own), each row counted once.
 */
function flightSectionSizes(text: string): { sections: { name: string; text: string }[]; rest: string } {
  const rows = flightRows(text)
  const claimed = new Set<string>()
  const sections: { name: string; text: string }[] = []
  const claim = (from: string): string => {
    let out = ''
    for (const m of from.matchAll(REFERENCE)) {
      const id = m[1] ?? ''
      const row = rows.get(id)
      if (row === undefined || claimed.has(id)) continue
      claimed.add(id)
      out += row + claim(row.slice(id.length + 1))
    }
    return out
  }
  const opens = /\["\$","section",(?:null|"[^"]*"),\{"aria-labelledby":"([^"]+)"/g
  const cut: { id: string; start: number; end: number }[] = []
  for (const [id, row] of rows) {
    opens.lastIndex = 0
    for (let m = opens.exec(row); m; m = opens.exec(row)) {
      const end = arrayEnd(row, m.index)
      const own = row.slice(m.index, end)
      sections.push({ name: (m[1] ?? 'section').replace(/-heading$/, ''), text: own + claim(own) })
      cut.push({ id, start: m.index, end })
      opens.lastIndex = end
    }
  }
  let rest = ''
  for (const [id, row] of rows) {
    if (claimed.has(id)) continue
    let at = 0
    for (const c of cut.filter((c) => c.id === id)) {
      rest += row.slice(at, c.start)
      at = c.end
    }
    rest += row.slice(at)
  }
  return { sections, rest }
}

function split(text: string, sections: { name: string; start: number; end: number }[], rest: string): WeightPart[] {
  const parts = sections.map((s) => part(s.name, text.slice(s.start, s.end)))
  let remainder = ''
  let at = 0
  for (const s of sections) {
    remainder += text.slice(at, s.start)
    at = s.end
  }
  remainder += text.slice(at)
  return [...parts, part(rest, remainder)]
}

export function pageWeight(html: string): PageWeight {
  const flightScripts = [...html.matchAll(FLIGHT_SCRIPT)].map((m) => m[0]).join('')
  const withoutFlight = html.replace(FLIGHT_SCRIPT, '')
  const headEnd = withoutFlight.indexOf('</head>')
  const head = headEnd < 0 ? '' : withoutFlight.slice(0, headEnd + '</head>'.length)
  const body = withoutFlight.slice(head.length)
  const otherScripts = [...body.matchAll(OTHER_SCRIPT)].map((m) => m[0]).join('')
  const markup = body.replace(OTHER_SCRIPT, '')
  const sections = split(markup, markupSections(markup), 'other markup')
  const flight = flightText(html)
  return {
    bytes: bytes(html),
    gzip: gzipSync(html).length,
    parts: [part('head', head), ...sections.map((s) => ({ ...s, name: `markup: ${s.name}` })), part('other scripts', otherScripts), part('flight scripts (RSC payload)', flightScripts)],
    flight: (() => {
      const { sections: found, rest } = flightSectionSizes(flight)
      return [...found.map((f) => part(f.name, f.text)), part('rest', rest)]
    })(),
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

export function weightLines(label: string, w: PageWeight): string[] {
  const row = (p: WeightPart) => `    ${p.name.padEnd(34)} ${kb(p.bytes).padStart(9)}  ${((p.bytes / w.bytes) * 100).toFixed(1).padStart(5)}%   gzip alone ${kb(p.gzip).padStart(8)}`
  return [
    `  ${label}: ${kb(w.bytes)} raw, ${kb(w.gzip)} gzip`,
    ...w.parts.filter((p) => p.bytes > 0).map(row),
    `    decoded flight payload by section (${kb(w.flight.reduce((n, p) => n + p.bytes, 0))}):`,
    ...w.flight.filter((p) => p.bytes > 0).map((p) => `  ${row(p)}`),
  ]
}
