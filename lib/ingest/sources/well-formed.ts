// Upstream text as the database will hold it: a lone UTF-16 surrogate half (a JSON escape such as
// "\ud83d" with no partner, or an emoji cut in two by a `.slice()` while parsing) becomes U+FFFD.
//
// Why here, once, on every source's parse output (readSnapshot), and not at each jsonb parameter:
//  - PostgreSQL's jsonb refuses such a string, and upstream text reaches jsonb along many roads
//    (the first read's one-statement insert, change events' data, read warnings, look-ups by
//    upstream id), some of them Prisma's own Json encoding that lib/data never sees as a string.
//  - Text columns already store U+FFFD (the driver's UTF-8 encoding replaces the half), so the diff
//    must compare that same text: fed the raw half, it would find the title "changed" on every read
//    and rewrite it forever.
// lib/data/json-rows.ts does the same for every batch it sends as JSON (the refresh's writes among
// them, where it finds nothing left to mend; the channel outbox's details we cut ourselves).

/** `value` with every string in it well-formed; the same object when it already was (no copy). */
export function wellFormedDeep<T>(value: T): T {
  return fix(value) as T
}

function fix(value: unknown): unknown {
  if (typeof value === 'string') return value.isWellFormed() ? value : value.toWellFormed()
  if (value === null || typeof value !== 'object' || value instanceof Date) return value
  if (Array.isArray(value)) {
    let out: unknown[] | null = null
    value.forEach((item, i) => {
      const fixed = fix(item)
      if (fixed !== item) (out ??= [...value])[i] = fixed
    })
    return out ?? value
  }
  let out: Record<string, unknown> | null = null
  for (const [key, item] of Object.entries(value)) {
    const fixed = fix(item)
    if (fixed !== item) (out ??= { ...value })[key] = fixed
  }
  return out ?? value
}
