// Platform drift as stored on `StatusSource.sourceChange` (written by lib/ingest/source-drift.ts)
// and read back defensively: our own write, but a JSON column is `unknown` until checked, and a
// malformed row must not break health, the API or the vendor page.

/** The vendor's page seems to have moved platform or host (issue 14, platform drift). */
export interface SourceChange {
  /** `moved`: the primary endpoint redirects to another host; `signature`: it answers like another platform. */
  kind: 'moved' | 'signature'
  /** One line for the operator, e.g. "answers like incident.io, catalogued as statuspage". */
  detail: string
  /** First check that saw this change (ISO). */
  since: string
}

export function asSourceChange(value: unknown): SourceChange | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const { kind, detail, since } = value as Record<string, unknown>
  if ((kind !== 'moved' && kind !== 'signature') || typeof detail !== 'string' || typeof since !== 'string') return null
  return { kind, detail, since }
}
