// The vendor page's 24-hour chart of problem reports against the usual level (issue 19): the
// series (zeros filled in, aligned like the database's buckets) and its geometry in SVG units.
// Pure, so the shapes of an empty day, a spike and a zero baseline are unit-tested without a page.

const MINUTE_MS = 60_000

/** Reports per bucket as countDistinctNetworksByBucket returns them (absent buckets had none). */
export interface CountedBucket {
  start: Date
  networks: number
}

export interface ReportsSeries {
  /** Start of the first bucket; buckets follow each other without gaps. */
  from: Date
  bucketMinutes: number
  /** Distinct reporting networks per bucket, oldest first. */
  counts: number[]
  /** The usual number for each bucket (same length as counts), or null when there is no baseline yet. */
  baseline: number[] | null
}

/**
 * The `hours` of buckets ending with the one that holds `now`, aligned on multiples of the bucket
 * length since the Unix epoch (the same instants as the database's date_bin from 2000-01-01, which
 * is a whole number of days after it).
 */
export function chartWindow(now: Date, bucketMinutes: number, hours: number): { from: Date; to: Date; buckets: number } {
  const bucketMs = bucketMinutes * MINUTE_MS
  const to = Math.floor(now.getTime() / bucketMs) * bucketMs + bucketMs
  const buckets = Math.round((hours * 60) / bucketMinutes)
  return { from: new Date(to - buckets * bucketMs), to: new Date(to), buckets }
}

/** Fills the buckets the read left out with zeros; buckets outside the window are ignored. */
export function fillBuckets(counted: readonly CountedBucket[], from: Date, bucketMinutes: number, buckets: number): number[] {
  const counts = new Array<number>(buckets).fill(0)
  const bucketMs = bucketMinutes * MINUTE_MS
  for (const b of counted) {
    const i = Math.round((b.start.getTime() - from.getTime()) / bucketMs)
    if (i >= 0 && i < buckets) counts[i] = b.networks
  }
  return counts
}

export interface ChartBar {
  index: number
  start: Date
  count: number
  x: number
  y: number
  width: number
  height: number
}

export interface ReportsChartGeometry {
  width: number
  height: number
  /** The plot area (axis labels go outside it). */
  plot: { left: number; top: number; width: number; height: number }
  /** The top of the y scale: a round number at least as high as every bar and the baseline. */
  yMax: number
  /** Only buckets with reports get a bar (an empty day draws none). */
  bars: ChartBar[]
  /** The usual level as a step line (SVG path), or null without a baseline. */
  baselinePath: string | null
  /** Gridline values (0, half, top), with their y. */
  ticks: { value: number; y: number }[]
}

/** A round top for the y scale: 1, 2, 5, 10, 20, 50... at least `max` (4 when nothing was reported, so gridlines stay whole). */
export function niceMax(max: number): number {
  if (max <= 0) return 4
  const magnitude = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 4, 5, 10]) if (step * magnitude >= max) return step * magnitude
  return 10 * magnitude
}

const round = (n: number) => Math.round(n * 100) / 100

export function reportsChartGeometry(series: ReportsSeries, size: { width: number; height: number; left: number; bottom: number; top: number }): ReportsChartGeometry {
  const n = series.counts.length
  const plot = { left: size.left, top: size.top, width: size.width - size.left, height: size.height - size.top - size.bottom }
  const yMax = niceMax(Math.max(0, ...series.counts, ...(series.baseline ?? [])))
  const slot = n > 0 ? plot.width / n : 0
  const yOf = (value: number) => round(plot.top + plot.height - (value / yMax) * plot.height)
  const bucketMs = series.bucketMinutes * MINUTE_MS
  const bars: ChartBar[] = []
  series.counts.forEach((count, index) => {
    if (count <= 0) return
    const y = yOf(count)
    bars.push({
      index,
      start: new Date(series.from.getTime() + index * bucketMs),
      count,
      x: round(plot.left + index * slot + slot * 0.1),
      y,
      width: round(slot * 0.8),
      height: round(plot.top + plot.height - y),
    })
  })
  let baselinePath: string | null = null
  if (series.baseline && n > 0) {
    const steps = series.baseline.map((value, i) => {
      const y = yOf(value)
      return `${i === 0 ? 'M' : 'L'}${round(plot.left + i * slot)} ${y}H${round(plot.left + (i + 1) * slot)}`
    })
    baselinePath = steps.join('')
  }
  const ticks = [0, yMax / 2, yMax].map((value) => ({ value, y: yOf(value) }))
  return { width: size.width, height: size.height, plot, yMax, bars, baselinePath, ticks }
}

/** The busiest bucket (the first of equals), or null when nothing was reported. */
export function peakBucket(series: ReportsSeries): { start: Date; count: number; usual: number | null } | null {
  let best = -1
  series.counts.forEach((c, i) => {
    if (c > 0 && (best < 0 || c > (series.counts[best] ?? 0))) best = i
  })
  if (best < 0) return null
  return { start: new Date(series.from.getTime() + best * series.bucketMinutes * MINUTE_MS), count: series.counts[best] ?? 0, usual: series.baseline ? (series.baseline[best] ?? 0) : null }
}
