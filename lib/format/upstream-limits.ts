// How much upstream text the Markdown renderer is trusted with. `marked` recurses once per
// container (blockquote, list) and scans emphasis delimiters in quadratic time, so one hostile or
// broken status page could overflow the stack (~2 KB of `>`) or hold the event loop for seconds
// (100 KB of `*a`) on every page, feed and email that shows it. These checks are linear and run
// before the renderer: text past the size limit is cut (with a note), and text whose structure is
// past the other limits is shown as plain text instead of being rendered.

/** Characters of upstream text we render; vendors' real updates and postmortems stay well below. */
export const MAX_UPSTREAM_CHARS = 20_000
/** Containers (`>`, list markers, list indentation) one line may open. Real text nests 2–4 deep. */
export const MAX_NESTING_DEPTH = 16
/** Emphasis and code delimiters (`*`, `_`, `~`, backtick) one body may hold: matching them is quadratic. */
export const MAX_INLINE_DELIMITERS = 1_000
/** Link and image openers (`[`): each may start a backwards search for its closing bracket. */
export const MAX_LINK_OPENERS = 1_000

export const TRUNCATION_NOTE = `[Truncated: the vendor's text is longer than ${MAX_UPSTREAM_CHARS.toLocaleString('en')} characters; the full text is on their status page.]`

export interface BoundedText {
  /** The text to render: the body, cut to MAX_UPSTREAM_CHARS. */
  text: string
  truncated: boolean
  /** Why the text must not go through the Markdown renderer, or null when it may. */
  tooComplex: string | null
}

/** Cuts `body` to the size limit (at a line or word break near it) and checks its structure. */
export function boundUpstreamText(body: string): BoundedText {
  const normalized = body.replace(/\r\n?/g, '\n')
  const truncated = normalized.length > MAX_UPSTREAM_CHARS
  const text = truncated ? cutNear(normalized, MAX_UPSTREAM_CHARS) : normalized
  return { text, truncated, tooComplex: structureProblem(text) }
}

function cutNear(text: string, limit: number): string {
  let cut = limit
  // Never split a surrogate pair (an emoji) in half.
  const code = text.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut--
  // Prefer a line, then a word break in the last few hundred characters.
  const window = text.slice(cut - 300, cut)
  const newline = window.lastIndexOf('\n')
  const space = window.lastIndexOf(' ')
  const at = newline >= 0 ? newline : space
  return text.slice(0, at >= 0 ? cut - 300 + at : cut).trimEnd()
}

function structureProblem(text: string): string | null {
  let delimiters = 0
  let openers = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 42 /* * */ || c === 95 /* _ */ || c === 126 /* ~ */ || c === 96 /* ` */) delimiters++
    else if (c === 91 /* [ */) openers++
  }
  if (delimiters > MAX_INLINE_DELIMITERS) return `${delimiters} emphasis or code delimiters (limit ${MAX_INLINE_DELIMITERS})`
  if (openers > MAX_LINK_OPENERS) return `${openers} link openers (limit ${MAX_LINK_OPENERS})`
  let deepest = 0
  for (const line of text.split('\n')) deepest = Math.max(deepest, lineNesting(line))
  if (deepest > MAX_NESTING_DEPTH) return `nesting depth ${deepest} (limit ${MAX_NESTING_DEPTH})`
  return null
}

/**
 * The containers a line's prefix opens: each `>` and list marker counts one, and so does every two
 * columns of leading indentation in front of a list marker (how nested lists are written).
 * Indentation alone (code, pretty-printed HTML) opens nothing.
 */
export function lineNesting(line: string): number {
  const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0
  // Markers follow each other, separated by blanks: `> > - 1. text`.
  const prefix = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/.exec(line)?.[0] ?? ''
  const markers = prefix.replace(/\d{1,9}[.)]/g, '#').replace(/[ \t]/g, '').length
  return markers === 0 ? 0 : markers + Math.floor(indent / 2)
}
