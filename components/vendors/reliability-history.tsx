import { formatDuration } from '@/lib/format/date-time'
import type { MonthStats, Reliability } from '@/lib/status/reliability'
import { IMPACT_LABEL } from './incident-meta'

const monthLabel = (month: string, style: 'short' | 'long') =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en', { month: style, ...(style === 'long' && { year: 'numeric' }), timeZone: 'UTC' })
const dateLabel = (d: Date) => d.toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
/** Like formatDuration, but a short incident is "< 1 min", not "0 min" (that reads as none). */
const duration = (ms: number) => (ms > 0 && ms < 60_000 ? '< 1 min' : formatDuration(ms))
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

const SOURCE_WORDS: Record<MonthStats['source'], string> = {
  observed: '',
  partial: ' (partly before we started watching)',
  history: ' (before we started watching: from the vendor’s own list, may be incomplete)',
}

/**
 * Incidents per month as bars, server-rendered SVG. An image with a title and a description that
 * lists every month in words, so it reads without sight; months before our first read are hatched
 * and say so, because the vendor's list of old incidents may be incomplete.
 */
export function MonthlyIncidentsChart({ months }: { months: readonly MonthStats[] }) {
  const barW = 28
  const gap = 8
  const top = 16
  const plotH = 80
  const labelH = 18
  const width = months.length * (barW + gap)
  const max = Math.max(1, ...months.map((m) => m.incidents))
  const description = months.map((m) => `${monthLabel(m.month, 'long')}: ${count(m.incidents, 'incident', 'incidents')}${SOURCE_WORDS[m.source]}`).join('; ')
  return (
    <svg viewBox={`0 0 ${width} ${top + plotH + labelH}`} role="img" aria-labelledby="reliability-chart-title reliability-chart-desc" className="h-auto w-full max-w-2xl" data-testid="reliability-chart">
      <title id="reliability-chart-title">Incidents per month</title>
      <desc id="reliability-chart-desc">{description}</desc>
      <defs>
        <pattern id="reliability-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="fill-brand-500/50 dark:fill-brand-400/70" />
          <line x1="0" y1="0" x2="0" y2="6" strokeWidth="2.5" className="stroke-white/80 dark:stroke-slate-900/60" />
        </pattern>
      </defs>
      <line x1="0" x2={width} y1={top + plotH} y2={top + plotH} strokeWidth="1" className="stroke-slate-300 dark:stroke-slate-600" />
      {months.map((m, k) => {
        const h = m.incidents === 0 ? 0 : Math.max(3, (m.incidents / max) * plotH)
        const x = k * (barW + gap) + gap / 2
        return (
          <g key={m.month} data-source={m.source}>
            {h > 0 && <rect x={x} y={top + plotH - h} width={barW} height={h} rx="2" fill={m.source === 'observed' ? undefined : 'url(#reliability-hatch)'} className={m.source === 'observed' ? 'fill-brand-500' : undefined} />}
            <text x={x + barW / 2} y={top + plotH - h - 4} textAnchor="middle" fontSize="11" className="fill-slate-700 dark:fill-slate-300">
              {m.source === 'history' && m.incidents === 0 ? '–' : m.incidents}
            </text>
            <text x={x + barW / 2} y={top + plotH + 13} textAnchor="middle" fontSize="10" className="fill-slate-600 dark:fill-slate-400">
              {monthLabel(m.month, 'short')}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

function WindowCell({ r }: { r: Reliability }) {
  return (
    <>
      {count(r.incidents, 'incident', 'incidents')}
      {r.ongoing > 0 && `, ${r.ongoing} ongoing`}
    </>
  )
}

function monthRange(months: readonly MonthStats[]): string {
  const first = months[0]
  const last = months.at(-1)
  return first && last ? `${monthLabel(first.month, 'long')} to ${monthLabel(last.month, 'long')}` : ''
}

/**
 * How reliable the vendor has been over 30, 90 and 365 days (lib/status/reliability.ts): counts,
 * total and median duration by impact, the components hit hardest, incidents per month.
 */
export function ReliabilityHistory({ windows, observedSince, vendorName }: { windows: readonly Reliability[]; observedSince: Date | null; vendorName: string }) {
  const year = windows.at(-1)
  const quarter = windows.find((w) => w.days === 90) ?? year
  if (!year || !quarter) return null
  const impacts = year.byImpact.map((s) => s.impact)
  const worst = quarter.components.slice(0, 5)
  return (
    <section aria-labelledby="reliability-heading" className="space-y-4" data-testid="reliability">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="reliability-heading" className="text-lg font-semibold">
          Reliability
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">From {vendorName}&apos;s incidents · months in UTC</p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-xs sm:text-sm">
          <caption className="sr-only">Incidents and their duration over the last 30, 90 and 365 days</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <td className="py-2 pr-3" />
              {windows.map((w) => (
                <th key={w.days} scope="col" className="py-2 pr-3 font-medium">
                  {w.days} days
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            <tr>
              <th scope="row" className="py-2 pr-3 font-medium">
                Incidents
              </th>
              {windows.map((w) => (
                <td key={w.days} className="py-2 pr-3">
                  <WindowCell r={w} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" className="py-2 pr-3 font-medium">
                Time in incidents
              </th>
              {windows.map((w) => (
                <td key={w.days} className="py-2 pr-3">
                  {w.incidents === 0 ? '—' : `${duration(w.totalMs)}, median ${duration(w.medianMs)}`}
                </td>
              ))}
            </tr>
            {impacts.map((impact) => (
              <tr key={impact}>
                <th scope="row" className="py-2 pr-3 font-normal text-slate-700 dark:text-slate-300">
                  {IMPACT_LABEL[impact]} impact
                </th>
                {windows.map((w) => {
                  const s = w.byImpact.find((b) => b.impact === impact)
                  return (
                    <td key={w.days} className="py-2 pr-3 text-slate-700 dark:text-slate-300">
                      {s ? `${s.incidents} · ${duration(s.totalMs)} · median ${duration(s.medianMs)}` : '—'}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Incidents per month</h3>
          <MonthlyIncidentsChart months={year.months} />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {monthRange(year.months)}
            {year.months.some((m) => m.source !== 'observed') && ' · hatched: before we started watching'}
          </p>
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Components hit hardest, last 90 days</h3>
          {worst.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No incident named a component.</p>
          ) : (
            <ol className="space-y-1 text-sm" data-testid="worst-components">
              {worst.map((c) => (
                <li key={c.id} className="flex justify-between gap-3">
                  <span className="min-w-0 break-words">{c.name}</span>
                  <span className="shrink-0 text-slate-600 dark:text-slate-400">
                    {count(c.incidents, 'incident', 'incidents')}, {duration(c.totalMs)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
      {year.fromVendorHistory > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="reliability-history-note">
          {count(year.fromVendorHistory, 'incident', 'incidents')} of the last 365 days started before we first read {vendorName}&apos;s status page
          {observedSince ? ` (${dateLabel(observedSince)})` : ''}: {year.fromVendorHistory === 1 ? 'it comes' : 'they come'} from the vendor&apos;s own
          incident list, which names only its newest incidents, so hatched months may be incomplete.
        </p>
      )}
    </section>
  )
}
