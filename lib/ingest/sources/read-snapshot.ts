// The one place a source's parse output is completed with the rules every platform shares
// (issue 14): read warnings (read-warnings.ts) and what they mean for absences, time sanity
// (../sanity.ts), the overall status raised by open incidents (lib/status/open-incidents.ts), and
// text made well-formed as the database stores it (well-formed.ts).
// The refresh calls `readSnapshot` instead of `source.parse`; so do tests that check these rules.
import { statusWithOpenIncidents } from '@/lib/status/open-incidents'
import type { ReadWarning } from '@/lib/status/snapshot'
import { sanitizeSnapshot } from '../sanity'
import { collectReadWarnings } from './read-warnings'
import type { ParseContext, ParseOutcome, StatusSource } from './types'
import { wellFormedDeep } from './well-formed'

/**
 * `source.parse` completed by the rules every platform shares; what the refresh and tests call:
 *  - its read warnings attached to the snapshot. A list that lost items is no longer complete, so
 *    an absence in it proves nothing: a dropped incident or maintenance must not read as ended, a
 *    dropped component not as removed. Kinds name their list by their last word
 *    ("<platform> incident", "... maintenance", "... component", "... group").
 *  - impossible times corrected (../sanity.ts), reported as read warnings too.
 *  - the overall status raised to what open incidents imply (lib/status/open-incidents.ts).
 *  - every string, read warnings included, without lone surrogate halves (well-formed.ts).
 */
export function readSnapshot(source: StatusSource, bodies: Record<string, string | null>, ctx: ParseContext): ParseOutcome {
  const { result, warnings } = collectReadWarnings(() => source.parse(bodies, ctx))
  if (result.kind !== 'snapshot') return result
  let s = result.snapshot
  if (warnings.length > 0) {
    const lost = (word: string) => warnings.some((w) => w.kind.endsWith(` ${word}`))
    s = {
      ...s,
      readWarnings: mergeWarnings(s.readWarnings ?? [], warnings),
      coverage: {
        incidents: lost('incident') ? 'recent' : s.coverage.incidents,
        maintenances: lost('maintenance') ? 'recent' : s.coverage.maintenances,
      },
      ...((lost('component') || lost('group')) && { componentsPartial: true }),
    }
  }
  // Impossible times corrected (lib/ingest/sanity.ts) before anything reads them; corrections are
  // reported like read warnings, but say nothing about a list's completeness.
  const { snapshot: sane, corrections } = sanitizeSnapshot(s, ctx.now)
  if (corrections.length > 0) s = { ...sane, readWarnings: mergeWarnings(sane.readWarnings ?? [], corrections) }
  return { kind: 'snapshot', snapshot: wellFormedDeep({ ...s, status: statusWithOpenIncidents(s.status, s.incidents) }) }
}

function mergeWarnings(a: ReadWarning[], b: ReadWarning[]): ReadWarning[] {
  const byKind = new Map<string, ReadWarning>()
  for (const w of [...a, ...b]) {
    const seen = byKind.get(w.kind)
    byKind.set(w.kind, seen ? { ...seen, count: seen.count + w.count } : w)
  }
  return [...byKind.values()]
}
