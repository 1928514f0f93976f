// Per-item tolerance (issue 14 #1): a bad incident, update, component or affected-component entry
// costs that item, not the vendor. Lists in upstream schemas are read with `zList`, which parses
// item by item and drops (and remembers) the ones that do not fit; items that parse but cannot be
// normalized go through `mapItems`. What was dropped becomes the snapshot's `readWarnings` (kind
// and count), shown to the operator and never to the public as an outage. A vendor still fails
// when the core of its page (the overall status, the component list itself) cannot be read.
//
// Collection is a synchronous scope around one `parse` call (`readSnapshot` in read-snapshot.ts): sources keep their
// pure `parse(bodies, ctx)` signature, and a list helper deep in a schema needs no collector
// threaded through every function. Nothing asynchronous runs inside the scope.
import { z } from 'zod'
import type { ReadWarning } from '@/lib/status/snapshot'

const SKIPPED = Symbol('vendorwatch.skippedItems')

interface Skipped {
  kind: string
  count: number
  example: string
}

type Scope = Map<string, { count: number; example: string }>
const scopes: Scope[] = []

/** Records `count` skipped items of `kind` in the current scope (a no-op outside one). */
export function warn(kind: string, example: string, count = 1): void {
  const scope = scopes.at(-1)
  if (!scope || count <= 0) return
  const seen = scope.get(kind)
  if (seen) seen.count += count
  else scope.set(kind, { count, example: example.slice(0, 200) })
}

/** Runs `fn` collecting every warning recorded inside it (nested scopes stay separate). */
export function collectReadWarnings<T>(fn: () => T): { result: T; warnings: ReadWarning[] } {
  const scope: Scope = new Map()
  scopes.push(scope)
  try {
    const result = fn()
    return { result, warnings: [...scope].map(([kind, w]) => ({ kind, count: w.count, example: w.example })).sort((a, b) => a.kind.localeCompare(b.kind)) }
  } finally {
    scopes.pop()
  }
}

function issueText(error: z.ZodError): string {
  return error.issues
    .slice(0, 2)
    .map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`)
    .join('; ')
}

/**
 * zod: an upstream array read item by item. Items that do not match `item` are dropped and
 * remembered under `kind`; the output is the array of those that did. The array itself must be
 * an array: a list that is not one is a broken page, not a bad item.
 *
 * `core`: the list the vendor's status is read from (Statuspage's components, Google Cloud's or
 * AWS's events, Salesforce's instances, ...). One bad item is still only a warning, but a
 * non-empty core list of which no item reads is a page we cannot read, not an empty one: failing
 * is honest, "operational" would not be.
 */
export function zList<T extends z.ZodType>(item: T, kind: string, options: { core?: boolean } = {}) {
  return z.array(z.unknown()).transform((raw, ctx) => {
    const out: z.output<T>[] = []
    const skipped: string[] = []
    raw.forEach((value, index) => {
      const r = item.safeParse(value)
      if (r.success) out.push(r.data)
      else skipped.push(`[${index}] ${issueText(r.error)}`)
    })
    if (options.core && raw.length > 0 && out.length === 0) {
      ctx.addIssue({ code: 'custom', message: `no ${kind} could be read (${skipped[0] ?? ''})` })
      return z.NEVER
    }
    if (skipped.length > 0) Object.defineProperty(out, SKIPPED, { value: { kind, count: skipped.length, example: skipped[0] ?? '' } satisfies Skipped })
    return out
  })
}

/** For a transform after `zList` that builds a new array: keeps the record of dropped items. */
export function carrySkipped<T>(from: readonly unknown[], to: T[]): T[] {
  const s = (from as unknown as { [SKIPPED]?: Skipped })[SKIPPED]
  if (s) Object.defineProperty(to, SKIPPED, { value: s })
  return to
}

/**
 * Reports the items `zList` dropped anywhere in a parsed value. `parseWithSchema` calls it, so
 * a source only has to use `zList` in its schema. Items dropped inside an item that was itself
 * dropped are not counted twice: they are gone with their parent.
 */
export function reportSkipped(value: unknown): void {
  if (scopes.length === 0) return
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object' || v instanceof Date) continue
    if (Array.isArray(v)) {
      const s = (v as unknown as { [SKIPPED]?: Skipped })[SKIPPED]
      if (s) warn(s.kind, s.example, s.count)
      for (const item of v) stack.push(item)
    } else for (const item of Object.values(v)) stack.push(item)
  }
}

/**
 * Maps parsed items to normalized ones; an item whose mapping throws (no usable time, say) is
 * dropped and remembered under `kind` instead of failing the vendor.
 */
export function mapItems<A, B>(items: readonly A[], kind: string, fn: (item: A, index: number) => B): B[] {
  const out: B[] = []
  items.forEach((item, index) => {
    try {
      out.push(fn(item, index))
    } catch (e) {
      warn(kind, `[${index}] ${(e as Error).message}`)
    }
  })
  return out
}

/** `zList` for a list that may be missing or null upstream: read as empty. */
export function zListOrEmpty<T extends z.ZodType>(item: T, kind: string, options: { core?: boolean } = {}) {
  return zList(item, kind, options)
    .nullish()
    .transform((l) => l ?? [])
}

/** zod: optional upstream text; missing or null reads as ''. */
export const zText = z
  .string()
  .nullish()
  .transform((t) => t ?? '')
