// The usual number of distinct reporting networks in a window, for a given hour of the week. Pure.
//
// For "now", the same hour of the week in each of the 4 weeks before (28 days) gives one sample:
// that hour's reporting networks divided by the windows in an hour. The baseline is the median of
// the samples, so one past outage (a week with hundreds of reports in that hour) moves it little,
// where a mean would let it raise the bar for a month. Hours are UTC: a daylight-saving change
// shifts local habits by an hour for the first weeks after it, which the 4× margin absorbs.
import { BASELINE_DAYS, BUCKET_MINUTES, BUCKETS_PER_WINDOW, WINDOW_MINUTES } from './params'

export interface CountBucket {
  /** Start of the bucket (aligned to BUCKET_MINUTES). */
  start: Date
  /** Distinct reporting networks in it. */
  networks: number
}

const HOUR = 3_600_000
const WEEK = 7 * 24 * HOUR
const BUCKET_MS = BUCKET_MINUTES * 60_000

/** The start of the bucket holding `at` (buckets are aligned to the epoch, as date_bin aligns them to 2000-01-01: both are multiples of 5 minutes apart). */
export function bucketStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS)
}

/** The median of a list (0 for none): the middle value, or the mean of the middle two. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const at = (i: number) => sorted[i] ?? 0
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}

/**
 * The expected distinct reporting networks per WINDOW_MINUTES window at `at`'s hour of the week,
 * from the buckets of the BASELINE_DAYS before it (buckets outside those hours are ignored, so a
 * caller may pass the whole 28 days).
 */
export function expectedPerWindow(buckets: readonly CountBucket[], at: Date): number {
  const weeks = Math.round(BASELINE_DAYS / 7)
  const hourStart = Math.floor(at.getTime() / HOUR) * HOUR
  const windowsPerHour = 60 / WINDOW_MINUTES
  const samples: number[] = []
  for (let week = 1; week <= weeks; week++) {
    const from = hourStart - week * WEEK
    const to = from + HOUR
    let networks = 0
    for (const b of buckets) {
      const t = b.start.getTime()
      if (t >= from && t < to) networks += b.networks
    }
    samples.push(networks / windowsPerHour)
  }
  return median(samples)
}

/**
 * Distinct reporting networks in the window ending with the bucket that holds `at` (the current,
 * partial bucket and the ones before it). Each network reports a vendor at most once per 30
 * minutes (REPORT_DEDUPE_MINUTES), so it falls in at most one bucket of a 15-minute window and the
 * sum counts distinct networks.
 */
export function windowCount(buckets: readonly CountBucket[], at: Date): number {
  const last = bucketStart(at).getTime()
  const first = last - (BUCKETS_PER_WINDOW - 1) * BUCKET_MS
  let networks = 0
  for (const b of buckets) {
    const t = b.start.getTime()
    if (t >= first && t <= last) networks += b.networks
  }
  return networks
}
