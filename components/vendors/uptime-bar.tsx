import type { ServiceStatus } from '@/lib/status/statuses'
import type { ComponentUptime, UptimeDay } from '@/lib/status/uptime'
import { uptimeCaption, uptimeSentence } from './uptime-words'

// Hex colours, because the bar is one CSS gradient (one element per component instead of 90).
const COLOUR: Record<UptimeDay['state'], string> = {
  no_data: 'var(--uptime-no-data)',
  operational: '#10b981',
  degraded: '#facc15',
  partial_outage: '#f97316',
  major_outage: '#dc2626',
  maintenance: '#0ea5e9',
  unknown: '#94a3b8',
}

const WORDS: Partial<Record<ServiceStatus, string>> = { degraded: 'degraded', partial_outage: 'partial outage', major_outage: 'major outage', maintenance: 'maintenance' }

/**
 * Consecutive days of the same state become one gradient stop (most components are one green
 * run) and the day gaps come from CSS (.uptime-bar): a few dozen bytes per bar instead of 90
 * elements, which matters on pages with 70+ components.
 */
function background(days: UptimeDay[]): string {
  const width = 100 / days.length
  const runs: string[] = []
  let start = 0
  days.forEach((day, i) => {
    const next = days[i + 1]
    if (next && next.state === day.state) return
    runs.push(`${COLOUR[day.state]} ${+(start * width).toFixed(2)}% ${+((i + 1) * width).toFixed(2)}%`)
    start = i + 1
  })
  return `linear-gradient(to right,${runs.join(',')})`
}

/** 90 days of one component: a bar for the eye, the uptime and the bad days in words for everyone. */
export function UptimeBar({ uptime, componentName }: { uptime: ComponentUptime; componentName: string }) {
  const badDays = uptime.days.filter((d) => d.state !== 'no_data' && d.state !== 'operational' && d.state !== 'unknown')
  const description =
    badDays.length === 0
      ? 'no days with problems'
      : `${badDays.length} ${badDays.length === 1 ? 'day' : 'days'} with problems: ${badDays
          .slice(-5)
          .map((d) => `${d.date} (${WORDS[d.state as ServiceStatus] ?? d.state})`)
          .join(', ')}${badDays.length > 5 ? ', …' : ''}`
  return (
    <div className="mt-1.5">
      <div
        role="img"
        aria-label={`${componentName}, last ${uptime.days.length} days: ${uptimeSentence(uptime)}, ${description}`}
        className="uptime-bar"
        style={{ backgroundImage: background(uptime.days) }}
      />
      <div className="mt-1 flex justify-between text-xs text-slate-500 dark:text-slate-400" aria-hidden="true">
        <span>{uptime.days.length} days ago</span>
        <span className="font-medium text-slate-700 dark:text-slate-300">{uptimeCaption(uptime)}</span>
        <span>Today</span>
      </div>
    </div>
  )
}
