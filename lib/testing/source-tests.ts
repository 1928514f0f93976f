// What every source parser's test (lib/ingest/sources/*.test.ts) needs: a recorded fixture, a
// parse context at a fixed time, the snapshot out of a parse outcome, and lookups by external id.
// One copy here instead of one per test file, so they cannot drift apart.
import { readFileSync } from 'node:fs'
import type { NormalizedIncident, NormalizedMaintenance, StatusSnapshot } from '@/lib/status/snapshot'
import type { ParseContext, ParseOutcome, SourceTarget } from '@/lib/ingest/sources/types'

/** A file under lib/ingest/fixtures/, e.g. `readFixture('statuspage/github-summary.json')`. */
export function readFixture(path: string): string {
  return readFileSync(new URL(`../ingest/fixtures/${path}`, import.meta.url), 'utf8')
}

/** A parse context at a fixed instant: tests never read the wall clock. */
export function contextAt(now: string | Date, target: SourceTarget): ParseContext {
  return { now: new Date(now), target }
}

/** The snapshot of a parse outcome; a test that expected one fails here if the source asked for settings. */
export function snapshotOf(outcome: ParseOutcome): StatusSnapshot {
  if (outcome.kind !== 'snapshot') throw new Error('expected a snapshot')
  return outcome.snapshot
}

export function incident(s: StatusSnapshot, id: string): NormalizedIncident {
  const found = s.incidents.find((i) => i.externalId === id)
  if (!found) throw new Error(`no incident ${id}`)
  return found
}

export function maintenance(s: StatusSnapshot, id: string): NormalizedMaintenance {
  const found = s.maintenances.find((m) => m.externalId === id)
  if (!found) throw new Error(`no maintenance ${id}`)
  return found
}

/** The status of the component with this external id, or undefined when the snapshot has none. */
export const statusOf = (s: StatusSnapshot, externalId: string) => s.components.find((c) => c.externalId === externalId)?.status

/** A date as ISO text (null when absent), so expectations read as the wire's timestamps. */
export const iso = (d: Date | null | undefined) => d?.toISOString() ?? null
