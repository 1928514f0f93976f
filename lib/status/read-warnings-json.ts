// The stored `StatusSource.readWarnings` JSON read back defensively: it is our own write, but a
// column of JSON is `unknown` until checked, and a malformed row must not break health or the API.
import type { ReadWarning } from './snapshot'

export function asReadWarnings(value: unknown): ReadWarning[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((w): ReadWarning[] => {
    if (w === null || typeof w !== 'object') return []
    const { kind, count, example } = w as Record<string, unknown>
    if (typeof kind !== 'string' || typeof count !== 'number') return []
    return [{ kind, count, ...(typeof example === 'string' && { example }) }]
  })
}
