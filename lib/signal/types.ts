// The contract between the parts of the early-warning signal (issue 19), written first so the parts
// could be built side by side:
//
//   reports   lib/signal/reports.ts, lib/data/problem-reports.ts, the API route and the server action
//   probes    lib/signal/probes.ts (run by the schedule), lib/data/probes.ts, prisma/seed/probes.csv
//   rule      lib/signal/params.ts (every parameter, with why) and lib/signal/rule.ts (pure)
//   lifecycle lib/signal/evaluate.ts and lib/data/possible-outages.ts (open, close, link, lead time)
//   pages     the vendor page's report button, 24-hour chart and unofficial banner, the home page
//   alerts    possible_outage_opened / _closed through email and every destination kind
//
// Schema: ProblemReport, Probe, ProbeResult, PossibleOutage, WatchlistEntry.possibleOutageAlerts,
// ChangeEvent.possibleOutageId (prisma/schema.prisma, migration 20261207100000_early_warning).

/** One probe request's outcome, as the rule reads it (newest last when in a list). */
export interface ProbeCheck {
  probeId: string
  checkedAt: Date
  ok: boolean
  /** null when no answer came. */
  latencyMs: number | null
}

/**
 * The figures the rule saw when it opened a possible outage, stored in PossibleOutage.evidence and
 * carried by its change event: what pages and alerts put into words
 * ("23 reports in 15 min, 8× usual"; "2 of 3 probes failing for 3 checks").
 */
export interface PossibleOutageEvidence {
  /** Distinct reporting networks in the window that opened it. */
  reports: number
  windowMinutes: number
  /** The usual number of distinct reporting networks for such a window at this hour of the week. */
  baseline: number
  /** reports / baseline, rounded to one decimal; null when the baseline is zero. */
  ratio: number | null
  probesFailing: number
  probesTotal: number
  /** Consecutive failed checks of the worst failing probe. */
  probeFailStreak: number
}

export type PossibleOutageTrigger = 'reports' | 'probes' | 'reports+probes'
export type PossibleOutageCloseReason = 'subsided' | 'official_incident'

/** What a report submission came to (the API answers with it; the button shows its words). */
export type ReportOutcome =
  | { kind: 'accepted' }
  /** This browser (or network) already reported this vendor in the last 30 minutes: counted once. */
  | { kind: 'already-reported' }
  | { kind: 'unknown-vendor' }
  | { kind: 'unknown-component' }
  /** The per-network request limit (a script hammering the endpoint). */
  | { kind: 'rate-limited'; retryAfterSeconds: number }

/** The server action behind the "Having problems with {vendor}?" button: form fields `vendor` (slug) and optional `component` (id). */
export type ReportProblemState = { outcome: ReportOutcome['kind']; message: string } | null
