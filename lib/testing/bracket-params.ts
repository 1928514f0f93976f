// Stripe's request encoding, read back: `application/x-www-form-urlencoded` with qs-style bracket
// keys (`metadata[userId]=u1`, `line_items[0][price]=price_x`, `expand[]=customer`). The Stripe SDK
// writes bodies and GET query strings this way, so the local stand-in (fake-stripe.ts) parses both
// with this. Every value stays a string, as on the wire: the stand-in decides what is a number.

export type ParamValue = string | ParamValue[] | ParamObject
export interface ParamObject {
  [key: string]: ParamValue
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/
// A crafted key must not reach Object.prototype through the containers built below.
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype'])

type Container = ParamObject | ParamValue[]

const isIndex = (segment: string) => segment === '' || /^\d+$/.test(segment)

function child(container: Container, segment: string): ParamValue | undefined {
  return Array.isArray(container) ? container[Number(segment)] : container[segment]
}

function put(container: Container, segment: string, value: ParamValue): void {
  if (Array.isArray(container)) container[segment === '' ? container.length : Number(segment)] = value
  else container[segment] = value
}

export function parseBracketParams(encoded: string): ParamObject {
  const root: ParamObject = {}
  for (const [key, value] of new URLSearchParams(encoded)) {
    const match = KEY.exec(key)
    const head = match?.[1]
    if (!match || head === undefined) continue
    const path = [head, ...Array.from((match[2] ?? '').matchAll(/\[([^[\]]*)\]/g), (m) => m[1] ?? '')]
    if (path.some((segment) => UNSAFE.has(segment))) continue
    let container: Container = root
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i] as string
      // `a[]` appends, so `a[][b]` cannot address the element it just made; qs has the same limit.
      const next: ParamValue | undefined = segment === '' && Array.isArray(container) ? undefined : child(container, segment)
      if (next !== undefined && typeof next !== 'string') {
        container = next
        continue
      }
      const made: Container = isIndex(path[i + 1] as string) ? [] : {}
      put(container, segment, made)
      container = made
    }
    put(container, path[path.length - 1] as string, value)
  }
  return root
}

/** Typed reads of a parsed body: a wrong shape reads as absent, and the caller answers 400. */
export const paramString = (v: ParamValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined)

export const paramObject = (v: ParamValue | undefined): ParamObject | undefined => (v !== undefined && typeof v === 'object' && !Array.isArray(v) ? v : undefined)

/** A list, however it was sent: `a[0]=x&a[1]=y`, `a[]=x`, or (qs accepts it too) an object with index keys. */
export function paramList(v: ParamValue | undefined): ParamValue[] {
  if (Array.isArray(v)) return v.filter((item) => item !== undefined)
  const object = paramObject(v)
  return object ? Object.values(object) : []
}

/** Stripe metadata: string values only; an empty value unsets a key, so it is left out. */
export function paramMetadata(v: ParamValue | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(paramObject(v) ?? {})) if (typeof value === 'string' && value !== '') out[key] = value
  return out
}
