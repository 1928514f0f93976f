import type { TimelineDay } from '@/lib/status/outage-timeline'
import { DAY_STATE, FROM_VENDOR_HISTORY, IMPACT_LABEL } from './incident-meta'

const dayLabel = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** What one cell says, in words: the day, its incidents (or its state), and where we know it from. */
export function dayCellLabel(day: TimelineDay): string {
  const summary = day.incidents.length === 0 ? DAY_STATE[day.state].label : day.incidents.map((i) => `${i.title} (${IMPACT_LABEL[i.impact].toLowerCase()})`).join('; ')
  const source = day.source === 'vendor_history' ? `, ${day.incidents.length === 0 ? 'before we started watching' : FROM_VENDOR_HISTORY.label.toLowerCase()}` : ''
  return `${dayLabel(day.date)}: ${summary}${source}`
}

/**
 * One cell per UTC day. Every cell is focusable and names its day and incidents (an image with a
 * label, so assistive technology reads the label), so the details that appear on hover are there
 * for keyboard and screen-reader users too. Days before our first read are hatched when the
 * vendor's own incident list fills them (lib/status/outage-timeline.ts).
 */
export function OutageTimeline({ days }: { days: TimelineDay[] }) {
  const withIncidents = days.filter((d) => d.incidents.length > 0).length
  const first = days[0]
  const last = days.at(-1)
  const firstObserved = days.find((d) => d.source === 'observed')
  const fromHistory = days.some((d) => d.source === 'vendor_history' && d.incidents.length > 0)
  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Last {days.length} days
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {withIncidents === 0 ? 'No incidents' : `${withIncidents} ${withIncidents === 1 ? 'day' : 'days'} with incidents`} · days in UTC
        </p>
      </div>
      <ol className="flex gap-[3px]" aria-label={`Incidents per day, ${first ? dayLabel(first.date) : ''} to ${last ? dayLabel(last.date) : ''}`}>
        {days.map((day, index) => {
          const meta = DAY_STATE[day.state]
          const hatched = day.source === 'vendor_history' && day.incidents.length > 0
          // Tooltips of the outermost cells open inwards, so they never leave the screen on a phone.
          const align = index < 4 ? ' timeline-tip-start' : index >= days.length - 4 ? ' timeline-tip-end' : ''
          // Styled by class (.timeline-day, .timeline-tip in app/globals.css), not by utility lists:
          // the markup of every cell is sent twice, as HTML and in React's payload.
          return (
            <li key={day.date} className="timeline-day" data-source={day.source}>
              <span role="img" tabIndex={0} aria-label={dayCellLabel(day)} className={`timeline-cell ${meta.cell}${hatched ? ` ${FROM_VENDOR_HISTORY.cell}` : ''}`} />
              <span role="tooltip" className={`timeline-tip${align}`}>
                <b>{dayLabel(day.date)}</b>
                {day.incidents.length === 0 ? (
                  <span>{day.source === 'vendor_history' ? `${meta.label} (before we started watching)` : meta.label}</span>
                ) : (
                  day.incidents.map((i) => <span key={i.id}>{`${i.title} · ${IMPACT_LABEL[i.impact]}`}</span>)
                )}
                {hatched && <i>{FROM_VENDOR_HISTORY.label}</i>}
              </span>
            </li>
          )
        })}
      </ol>
      <div className="flex justify-between text-xs text-slate-500 dark:text-slate-400" aria-hidden="true">
        <span>{first && dayLabel(first.date)}</span>
        <span>Today</span>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400" aria-label="Legend">
        {(['clear', 'minor', 'major', 'critical', 'no_data'] as const).map((s) => (
          <li key={s} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${DAY_STATE[s].cell}`} />
            {DAY_STATE[s].label}
          </li>
        ))}
        {fromHistory && (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm bg-slate-500 ${FROM_VENDOR_HISTORY.cell}`} />
            {FROM_VENDOR_HISTORY.label}
          </li>
        )}
      </ul>
      {first?.source === 'vendor_history' && (
        <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="timeline-source-note">
          {firstObserved
            ? `We started watching on ${dayLabel(firstObserved.date)}. Earlier days show the incidents the vendor's own history lists; days it says nothing about have no data.`
            : "Days show the incidents the vendor's own history lists; days it says nothing about have no data."}
        </p>
      )}
    </section>
  )
}
