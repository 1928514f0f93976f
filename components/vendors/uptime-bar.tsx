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

/**
 * 90 days of one component: a bar for the eye, the uptime and the bad days in words for everyone.
 * Two elements, laid out by the row they sit in (.component-row in app/globals.css): the axis ends
 * ("90 days ago", "Today") come from CSS, because a big vendor has 80 rows and every byte of a
 * row is sent twice, once as HTML and once in React's payload.
 */
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
    <>
      <div
        role="img"
        aria-label={`${componentName}, last ${uptime.days.length} days: ${uptimeSentence(uptime)}, ${description}`}
        className="uptime-bar"
        style={{ backgroundImage: background(uptime.days) }}
      />
      <p className="uptime-axis" aria-hidden="true" data-days={uptime.days.length}>
        <b>{uptimeCaption(uptime)}</b>
      </p>
    </>
  )
}
