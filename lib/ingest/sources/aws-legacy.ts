// The retired AWS `https://status.aws.amazon.com/data.json` (docs/status-page-formats.md §4.2, recorded 2021 fixture):
// `{current:[...], archive:[...]}`. Not polled by awsSource (the URL is gone); kept as a pure
// parser so an archive of old captures can be imported and the mapping stays tested.
//
// Each item is an incident keyed by service + `date` (epoch seconds of the first post; items have
// no other id). `current` items are open (investigating), `archive` items resolved. The HTML
// `description` holds the updates as <div><span class="yellowfg">12:53 PM PDT</span>&nbsp;text</div>,
// oldest first, with a local time and no date: the date comes from `date`, moving on a day
// whenever the clock goes backwards. Components are the `service` keys the items name.
import { z } from 'zod'
import { worstStatus } from '@/lib/status/statuses'
import type { NormalizedIncident, NormalizedIncidentUpdate, StatusSnapshot } from '@/lib/status/snapshot'
import { levelStatus, worstImpact } from './aws-levels'
import { parseJson, parseWithSchema, zDate } from './parse-helpers'
import { mapItems, zListOrEmpty, zText } from './read-warnings'

const itemSchema = z.object({
  service: z.string(),
  service_name: zText,
  summary: zText,
  date: zDate,
  status: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
  description: zText,
})
export const awsLegacySchema = z.object({ current: zListOrEmpty(itemSchema, 'aws incident', { core: true }), archive: zListOrEmpty(itemSchema, 'aws incident', { core: true }) })
type LegacyItem = z.output<typeof itemSchema>

const ZONES: Readonly<Record<string, number>> = { PDT: -7, PST: -8, UTC: 0, GMT: 0 }
const STAMP_OPEN = '<span class="yellowfg">'
const STAMP = /^\s*(\d{1,2}):(\d{2})\s*(AM|PM)\s*([A-Z]{3})\s*$/i

/** Drops the `</div><div>` that close this update and open the next (a loop, not a `+$` regex). */
function trimWrapper(html: string): string {
  let body = html.trimEnd()
  for (;;) {
    if (body.endsWith('</div>')) body = body.slice(0, -6).trimEnd()
    else if (body.endsWith('<div>')) body = body.slice(0, -5).trimEnd()
    else return body
  }
}

/** Splits a legacy description into timed updates (see header); unreadable stamps reuse the previous time. */
export function splitLegacyDescription(html: string, firstPost: Date): { at: Date; body: string }[] {
  const starts: number[] = []
  for (let i = html.indexOf(STAMP_OPEN); i >= 0; i = html.indexOf(STAMP_OPEN, i + STAMP_OPEN.length)) starts.push(i)
  let previous = firstPost.getTime() - 60_000
  return starts.map((start, n) => {
    const segment = html.slice(start + STAMP_OPEN.length, starts[n + 1] ?? html.length)
    const close = segment.indexOf('</span>')
    const m = close < 0 ? null : STAMP.exec(segment.slice(0, close))
    const body = trimWrapper((close < 0 ? segment : segment.slice(close + 7)).replace(/^(?:&nbsp;|\s)+/, ''))
    const offset = m ? ZONES[(m[4] ?? '').toUpperCase()] : undefined
    if (!m || offset === undefined) return { at: new Date(Math.max(previous, firstPost.getTime())), body }
    const hour = (Number(m[1]) % 12) + ((m[3] ?? '').toUpperCase() === 'PM' ? 12 : 0)
    const local = new Date(firstPost.getTime() + offset * 3_600_000) // the first post's local calendar day
    let at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, Number(m[2])) - offset * 3_600_000
    for (let guard = 0; at < previous && guard < 400; guard++) at += 86_400_000
    previous = at
    return { at: new Date(at), body }
  })
}

function toIncident(item: LegacyItem, open: boolean): NormalizedIncident {
  const externalId = `${item.service}:${Math.floor(item.date.getTime() / 1000)}`
  const steps = splitLegacyDescription(item.description, item.date)
  const updates: NormalizedIncidentUpdate[] = steps.map((s, i) => ({
    externalId: `${externalId}#${i}`, // position is stable: AWS only appended to the description
    status: !open && i === steps.length - 1 ? 'resolved' : 'investigating',
    body: s.body,
    publishedAt: s.at,
  }))
  const last = steps[steps.length - 1]?.at ?? item.date
  return {
    externalId,
    title: item.summary.replace(/^\s*\[resolved\]\s*/i, '').trim() || item.service_name,
    status: open ? 'investigating' : 'resolved',
    impact: worstImpact([item.status]),
    startedAt: item.date,
    resolvedAt: open ? null : last,
    updatedAt: last,
    url: null,
    componentExternalIds: [item.service],
    updates,
  }
}

export function parseAwsLegacyDataJson(body: string | null): StatusSnapshot {
  const data = parseWithSchema(awsLegacySchema, parseJson(body, 'aws data.json'), 'aws data.json')
  const states = new Map<string, { name: string; open: string[] }>()
  for (const [items, open] of [[data.archive, false], [data.current, true]] as const) {
    for (const item of items) {
      const entry = states.get(item.service) ?? { name: item.service_name || item.service, open: [] }
      if (open) entry.open.push(item.status)
      states.set(item.service, entry)
    }
  }
  const components = [...states]
    .sort(([a, x], [b, y]) => x.name.localeCompare(y.name) || a.localeCompare(b))
    .map(([key, c], position) => ({
      externalId: key,
      name: c.name,
      status: worstStatus(c.open.map(levelStatus)) ?? 'operational',
      groupExternalId: null,
      position,
    }))
  return {
    status: worstStatus(components.map((c) => c.status)) ?? 'operational',
    statusText: null,
    groups: [],
    components,
    incidents: [
      ...mapItems(data.current, 'aws incident', (i) => toIncident(i, true)),
      ...mapItems(data.archive, 'aws incident', (i) => toIncident(i, false)),
    ],
    maintenances: [],
    coverage: { incidents: 'recent', maintenances: 'recent' },
  }
}
