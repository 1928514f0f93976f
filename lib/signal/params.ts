// Every parameter of the early-warning signal (issue 19) in one place, each with why. The rule
// (./rule.ts), the baseline (./baseline.ts), the intake (./reports.ts) and the lifecycle
// (./evaluate.ts, lib/data/possible-outages.ts) read them from here; the README's "Early warning"
// section lists them too.

const MINUTE = 60_000

/**
 * Reports are counted in 5-minute buckets of distinct reporting networks: fine enough that a
 * window can start near an outage's first minutes, coarse enough that a 28-day baseline is only
 * ~8,000 buckets per vendor.
 */
export const BUCKET_MINUTES = 5

/**
 * The rule looks at the last 15 minutes (three buckets): long enough for a real outage to gather
 * reporters (people notice over minutes, not seconds), short enough to beat a status page's human
 * sign-off, which typically takes 15–45 minutes.
 */
export const WINDOW_MINUTES = 15
export const BUCKETS_PER_WINDOW = WINDOW_MINUTES / BUCKET_MINUTES

/**
 * The baseline looks back 28 days: exactly four of each hour of the week, so a Monday 09:00 is
 * compared with the four Mondays 09:00 before it (Monday mornings are busy, Sunday nights are not).
 */
export const BASELINE_DAYS = 28

/**
 * At least 8 distinct networks in the window, whatever the baseline: with a baseline of 0 or 1
 * (most vendors, most hours), "4× usual" would otherwise be 4 people. Eight households or offices
 * reporting the same vendor within 15 minutes is rare by chance and hard for one person to fake
 * (it needs eight /24 or /64 networks).
 */
export const REPORT_FLOOR = 8

/**
 * And at least 4× the usual count for this hour of the week: busy vendors get steady reports (a
 * user's own Wi-Fi, a typo), so the floor alone would fire all day for them; 4× is well above the
 * hour-to-hour noise of a Poisson-like count and well below what a real outage brings (tens of×).
 */
export const REPORT_MULTIPLIER = 4

/**
 * A probe is failing after 3 consecutive failed checks (one per refresh interval: ~3 minutes at
 * the default 1-minute interval): one failed request is a blip, three in a row is a pattern.
 */
export const PROBE_FAIL_STREAK = 3

/**
 * Probes open a possible outage when at least half of a vendor's probes are failing: one of two
 * endpoints down is worth saying, one of five may be a single retired URL.
 */
export const PROBE_FAILING_SHARE = 0.5

/**
 * How far back probe checks are read for the rule: enough to hold PROBE_FAIL_STREAK checks at a
 * slow refresh interval and the quiet period below.
 */
export const PROBE_LOOKBACK_MINUTES = 45

/**
 * A possible outage closes as "subsided" after 30 minutes without a window over the threshold and
 * without a failing probe: a flapping outage stays one outage instead of opening and closing every
 * few minutes (each opening is an alert to opted-in watchers).
 */
export const QUIET_MINUTES_TO_CLOSE = 30

/**
 * One report per browser, and per network, per vendor per 30 minutes: a person who clicks again
 * (or a script) does not count twice within the window the rule reads (15 minutes), and a network
 * can appear in at most one bucket of any window, so summing buckets counts distinct networks.
 */
export const REPORT_DEDUPE_MINUTES = 30

/**
 * Requests to the report endpoint per network per 10 minutes (every attempt, counted or not): a
 * person reports a few vendors; a script hammering the endpoint is turned away before it costs
 * database writes. The key is the hashed network, never the address.
 */
export const REPORT_REQUESTS_PER_NETWORK = { name: 'problem-report:network', max: 30, windowMs: 10 * MINUTE } as const

/**
 * An official incident that opens within 60 minutes after a possible outage opened is taken as its
 * confirmation (issue 19 #6); later than that, it is more likely another event.
 */
export const LEAD_WINDOW_MINUTES = 60

/** The vendor page's median lead reads 90 days, and says nothing under 3 measured incidents. */
export const MEDIAN_LEAD_DAYS = 90
export const MEDIAN_LEAD_MIN_MEASURED = 3

/** Reports are kept for the baseline's 28 days plus 2 days of margin (late runs, time zones). */
export const REPORT_RETENTION_DAYS = BASELINE_DAYS + 2

export const minutes = (n: number) => n * MINUTE
