// The words every alert uses for a possible outage (our unofficial early-warning signal, issue 19):
// email, digest and every chat kind say the same thing, so the wording is written and tested once.
// Always labelled unofficial: it is what users and our probes see, not what the vendor has said.
import type { PossibleOutageEvidence } from '@/lib/signal/types'

/** The label every alert starts with; never shortened to "Outage". */
export const POSSIBLE_OUTAGE_LABEL = 'Possible outage (unofficial)'

/** Evidence as stored (JSON): anything missing or malformed reads as zero, never as a made-up figure. */
export function readEvidence(value: unknown): PossibleOutageEvidence {
  const v = (value ?? {}) as Record<string, unknown>
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0)
  return {
    reports: num(v.reports),
    windowMinutes: num(v.windowMinutes),
    baseline: num(v.baseline),
    ratio: typeof v.ratio === 'number' && Number.isFinite(v.ratio) ? v.ratio : null,
    probesFailing: num(v.probesFailing),
    probesTotal: num(v.probesTotal),
    probeFailStreak: num(v.probeFailStreak),
  }
}

/** "8×" / "8.5×": one decimal at most, none when whole. */
function times(ratio: number): string {
  return `${Number.isInteger(ratio) ? ratio : ratio.toFixed(1)}×`
}

/**
 * The figures: "23 reports in 15 min, 8× usual; 2 of 3 probes failing". A baseline of zero has no
 * ratio, so it says "usually none" instead of a division by zero.
 */
export function evidenceText(e: PossibleOutageEvidence): string {
  const parts: string[] = []
  if (e.reports > 0) {
    const usual = e.ratio !== null ? `, ${times(e.ratio)} usual` : e.baseline === 0 ? ', usually none' : ''
    parts.push(`${e.reports} ${e.reports === 1 ? 'report' : 'reports'} in ${e.windowMinutes} min${usual}`)
  }
  if (e.probesFailing > 0) parts.push(`${e.probesFailing} of ${e.probesTotal} ${e.probesTotal === 1 ? 'probe' : 'probes'} failing`)
  return parts.join('; ')
}

/** Who sees the problem: users when anyone reported, else only our probes. */
export function whoSees(e: PossibleOutageEvidence): string {
  return e.reports > 0 ? 'users report problems' : 'our probes see problems'
}

/**
 * The one-paragraph account of an open possible outage: "Possible outage (unofficial): users report
 * problems with GitHub since 10:42 — 23 reports in 15 min, 8× usual; 2 of 3 probes failing.
 * GitHub's status page says operational." (A possible outage opens only while the official page
 * says operational, so the last sentence is true when it opens.)
 */
export function possibleOutageSummary(vendorName: string, since: string, evidence: PossibleOutageEvidence): string {
  const figures = evidenceText(evidence)
  return `${POSSIBLE_OUTAGE_LABEL}: ${whoSees(evidence)} with ${vendorName} since ${since}${figures ? ` — ${figures}` : ''}. ${vendorName}'s status page says operational.`
}

/** The follow-up when the signals went back to normal without an official incident. */
export function subsidedSummary(vendorName: string, since: string, until: string): string {
  return `The problems users and our probes saw with ${vendorName} since ${since} have subsided (${until}). ${vendorName}'s status page reported no incident.`
}
