// The uptime figure in words. A percentage only once a day has been observed (lib/status/uptime.ts
// decides), and "since <date>" whenever the observation is shorter than the bar, so a bar that
// covers a week never reads as 90 days of uptime.
import type { ComponentUptime } from '@/lib/status/uptime'

const day = (d: Date) => d.toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const moment = (d: Date) => `${day(d)}, ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`

/** Floored, so 99.99% and 100% read differently: a real outage is never rounded up to 100. */
export function formatPercent(percent: number): string {
  return `${(Math.floor(percent * 100) / 100).toFixed(2)}%`
}

/** Short, for under the bar: "99.95% uptime", "99.95% uptime since Nov 20", "Observed since Nov 24, 11:50 UTC". */
export function uptimeCaption(u: Pick<ComponentUptime, 'uptimePercent' | 'observedSince' | 'coversWindow'>): string {
  if (!u.observedSince) return 'No data yet'
  if (u.uptimePercent === null) return `Observed since ${moment(u.observedSince)}`
  return u.coversWindow ? `${formatPercent(u.uptimePercent)} uptime` : `${formatPercent(u.uptimePercent)} uptime since ${day(u.observedSince)}`
}

/** Full, for screen readers: says why there is no percentage yet. */
export function uptimeSentence(u: Pick<ComponentUptime, 'uptimePercent' | 'observedSince' | 'coversWindow'>): string {
  if (!u.observedSince) return 'no data yet'
  if (u.uptimePercent === null) return `observed since ${moment(u.observedSince)}, no uptime figure before a day of observation`
  return u.coversWindow ? `${formatPercent(u.uptimePercent)} uptime` : `${formatPercent(u.uptimePercent)} uptime, observed since ${day(u.observedSince)}`
}
