import { LocalTime } from '@/components/time/local-time'
import { peakBucket, reportsChartGeometry, type ReportsSeries } from '@/lib/status/reports-chart'

// The SVG stretches to the width it is given (preserveAspectRatio none) and carries no text: the
// labels are HTML around it, so they stay readable on a phone instead of shrinking with the drawing.
const SIZE = { width: 960, height: 120, left: 0, bottom: 0, top: 4 }

const networks = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'network' : 'networks'}`

/**
 * Problem reports over the last 24 hours as bars, one per bucket (distinct reporting networks, not
 * clicks), against the usual level for those hours as a dashed line. An image whose description
 * is the summary printed under it, so it reads without sight.
 */
export function ReportsChart({ series, vendorName }: { series: ReportsSeries; vendorName: string }) {
  const g = reportsChartGeometry(series, SIZE)
  const peak = peakBucket(series)
  const total = series.counts.reduce((a, b) => a + b, 0)
  const bottom = g.plot.top + g.plot.height
  return (
    <figure className="space-y-2" data-testid="reports-chart">
      <div className="flex items-baseline justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
        <span>
          Reporting networks per {series.bucketMinutes} min (scale up to {g.yMax})
        </span>
        <span className="flex items-center gap-3" aria-hidden="true">
          <span className="flex items-center gap-1">
            <span className="inline-block h-2.5 w-2.5 rounded-sm bg-amber-500 dark:bg-amber-400" /> reports
          </span>
          {g.baselinePath && (
            <span className="flex items-center gap-1">
              <span className="inline-block w-4 border-t-2 border-dashed border-slate-500 dark:border-slate-300" /> usual
            </span>
          )}
        </span>
      </div>
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Problem reports about ${vendorName} over the last 24 hours`}
        aria-describedby="reports-chart-summary"
        className="h-28 w-full rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/40"
      >
        {g.ticks.slice(1).map((t) => (
          <line key={t.value} x1={0} x2={g.width} y1={t.y} y2={t.y} vectorEffect="non-scaling-stroke" strokeWidth="1" className="stroke-slate-200 dark:stroke-slate-700" />
        ))}
        {g.bars.map((b) => (
          <rect key={b.index} x={b.x} y={b.y} width={b.width} height={b.height} className="fill-amber-500 dark:fill-amber-400" data-count={b.count} />
        ))}
        {g.baselinePath && <path d={g.baselinePath} fill="none" vectorEffect="non-scaling-stroke" strokeWidth="2" strokeDasharray="5 4" className="stroke-slate-500 dark:stroke-slate-300" />}
        <line x1={0} x2={g.width} y1={bottom} y2={bottom} vectorEffect="non-scaling-stroke" strokeWidth="1" className="stroke-slate-400 dark:stroke-slate-500" />
      </svg>
      <div className="flex justify-between text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
        <span>24 h ago</span>
        <span>12 h ago</span>
        <span>now</span>
      </div>
      <figcaption id="reports-chart-summary" className="text-sm text-slate-700 dark:text-slate-300">
        {peak ? (
          <>
            {networks(total)} reported problems with {vendorName} in the last 24 hours (counted once per {series.bucketMinutes} min). Most at once: {networks(peak.count)} in the {series.bucketMinutes}{' '}
            minutes from <LocalTime iso={peak.start.toISOString()} style="time" />
            {peak.usual !== null && <> (usually {formatUsual(peak.usual)})</>}.
          </>
        ) : (
          <>Nobody reported problems with {vendorName} in the last 24 hours.</>
        )}
      </figcaption>
    </figure>
  )
}

function formatUsual(n: number): string {
  if (n === 0) return 'none'
  return `about ${n < 10 ? Math.round(n * 10) / 10 : Math.round(n)}`
}
