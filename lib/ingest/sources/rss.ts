// Generic RSS 2.0 / Atom status feeds, Statuspage's history.atom first among them (docs/status-page-formats.md §2.4).
//
// Each entry is an incident, or a maintenance when its updates use maintenance labels
// (Scheduled / In progress / Verifying / Completed) or, lacking any incident label, its title
// says "maintenance". A feed lists recent items in any state: coverage is 'recent'.
//
// Overall status. A feed has no status indicator, so it is derived:
//  - an open incident (not resolved/postmortem) counts as `degraded`: something is impaired but
//    the feed never says how badly (impact is always `unknown`);
//  - an open entry with no readable status (a non-Statuspage feed) counts as `unknown`;
//  - a running maintenance (in progress / verifying) counts as `maintenance`;
//  - an open item whose last activity is more than STALE_AFTER_DAYS before the check is a
//    zombie (docs/status-page-formats.md §6.14): it keeps its own status but no longer drives the overall status;
//  - nothing open -> `operational`. That is only claimed because the feed parsed: an unreadable
//    body throws instead.
// Staleness is measured against ctx.now, the only "current time" there is; note the refresh
// skips parsing an unchanged body, so a zombie stops counting once anything in the feed changes.
import { worstStatus, type IncidentStatus, type ServiceStatus } from '@/lib/status/statuses'
import type { ListCoverage, StatusSnapshot } from '@/lib/status/snapshot'
import { mapEntry } from './rss-entries'
import { mapItems } from './read-warnings'
import { parseFeed, type Feed } from './rss-feed'
import type { ParseContext, SourceTarget, StatusSource } from './types'

export const STALE_AFTER_DAYS = 7
export const FEED_ACCEPT = 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1'

export interface FeedSnapshotOptions {
  /** Incident status of an entry without Statuspage status markup. */
  defaultStatus: IncidentStatus
  coverage: ListCoverage
}

const OPEN_INCIDENT_STATUS: Record<IncidentStatus, ServiceStatus | null> = {
  investigating: 'degraded',
  identified: 'degraded',
  monitoring: 'degraded',
  unknown: 'unknown',
  resolved: null,
  postmortem: null,
}

export function feedToSnapshot(feed: Feed, ctx: ParseContext, options: FeedSnapshotOptions): StatusSnapshot {
  const snapshot: StatusSnapshot = {
    status: 'operational',
    statusText: null,
    groups: [],
    components: [],
    incidents: [],
    maintenances: [],
    coverage: { incidents: options.coverage, maintenances: options.coverage },
  }
  const seen = new Set<string>()
  for (const entry of feed.entries) {
    // An entry that cannot be mapped is left out and counted, not fatal for the feed.
    const [mapped] = mapItems([entry], 'feed incident', (e) => mapEntry(e, ctx.now, options.defaultStatus))
    if (!mapped) continue
    const id = mapped.kind === 'incident' ? mapped.incident.externalId : mapped.maintenance.externalId
    if (seen.has(id)) continue // a repeated id: the first (newest, in feed order) wins
    seen.add(id)
    if (mapped.kind === 'incident') snapshot.incidents.push(mapped.incident)
    else snapshot.maintenances.push(mapped.maintenance)
  }

  const staleBefore = ctx.now.getTime() - STALE_AFTER_DAYS * 86_400_000
  const fresh = (times: (Date | null | undefined)[]) => times.some((t) => t && t.getTime() >= staleBefore)
  const contributions: ServiceStatus[] = []
  for (const i of snapshot.incidents) {
    const status = OPEN_INCIDENT_STATUS[i.status]
    if (status && fresh([i.updatedAt, i.startedAt, ...i.updates.map((u) => u.publishedAt)])) contributions.push(status)
  }
  for (const m of snapshot.maintenances) {
    const running = m.status === 'in_progress' || m.status === 'verifying'
    if (running && fresh([m.updatedAt, m.startedAt, m.scheduledFor])) contributions.push('maintenance')
  }
  snapshot.status = worstStatus(contributions) ?? 'operational'
  return snapshot
}

/** The feed URL: one the source was given in settings, else the catalog's API URL, else the page itself. */
export function feedUrl(target: SourceTarget): string {
  const fromSettings = target.settings.feedUrl
  return typeof fromSettings === 'string' && fromSettings !== '' ? fromSettings : (target.apiUrl ?? target.statusPageUrl)
}

export const rssSource: StatusSource = {
  endpoints: (target) => [{ key: 'feed', url: feedUrl(target), accept: FEED_ACCEPT }],
  parse: (bodies, ctx) => ({
    kind: 'snapshot',
    snapshot: feedToSnapshot(parseFeed(bodies.feed), ctx, { defaultStatus: 'unknown', coverage: 'recent' }),
  }),
}
