// PagerDuty Events API v2: an incident's opening triggers an alert whose dedup_key is our incident
// id, its resolution resolves that alert, so PagerDuty incidents open and close with the vendor's.
// Nothing else pages: updates change nothing in PagerDuty, and maintenance never pages (the outbox
// does not even create those deliveries: lib/channels/rules.ts).
//
// A possible outage (our unofficial early warning, for watches that opted in) triggers a `warning`
// on its own dedup_key, "possible-outage:<id>", and resolves it when it closes: when the signals
// subside, and when the official incident opens (which triggers on its own key, the incident id),
// so the on-call sees one open PagerDuty incident per problem, the vendor's once there is one.
import type { IncidentImpact } from '@/lib/status/statuses'
import { outcomeOfError, outcomeOfResponse } from './http-outcome'
import { isPossibleOutage } from './message-parts'
import type { ChannelMessage, ChannelSender, ChannelSettings } from './types'

export const DEFAULT_PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com'

export type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info'

/** An impact we could not read pages as `error`: silence is the dangerous mistake. */
export function pagerDutySeverity(impact: IncidentImpact | null): PagerDutySeverity {
  switch (impact) {
    case 'critical':
      return 'critical'
    case 'minor':
      return 'warning'
    case 'none':
      return 'info'
    default:
      return 'error'
  }
}

export type PagerDutyAction = 'trigger' | 'resolve'

/** What an event does in PagerDuty, or null when it does nothing there. */
export function pagerDutyAction(message: Pick<ChannelMessage, 'eventKind' | 'subjectKey'>): PagerDutyAction | null {
  if (isPossibleOutage(message)) {
    if (message.eventKind === 'possible_outage_opened') return 'trigger'
    if (message.eventKind === 'possible_outage_closed') return 'resolve'
    return null
  }
  if (!message.subjectKey.startsWith('incident:')) return null
  if (message.eventKind === 'incident_opened') return 'trigger'
  if (message.eventKind === 'incident_resolved') return 'resolve'
  return null
}

/** The Events API v2 body of one action (pure; pagerduty.test.ts). */
export function pagerDutyEvent(settings: ChannelSettings['pagerduty'], message: ChannelMessage, action: PagerDutyAction, dedupKey: string): Record<string, unknown> {
  if (action === 'resolve') return { routing_key: settings.routingKey, event_action: 'resolve', dedup_key: dedupKey }
  const unofficial = isPossibleOutage(message)
  const summary = unofficial ? `${message.vendor.name}: ${message.latestUpdate?.body ?? message.title}` : `${message.vendor.name}: ${message.title}`
  return {
    routing_key: settings.routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary: summary.length > 1024 ? `${summary.slice(0, 1021)}...` : summary,
      source: message.vendor.name,
      // Unofficial: worth a look, not the vendor's word; the official incident pages at its own severity.
      severity: unofficial ? 'warning' : pagerDutySeverity(message.impact),
      timestamp: (message.startedAt ?? message.occurredAt).toISOString(),
      component: message.affectedComponents.join(', ').slice(0, 255) || undefined,
      group: message.vendor.slug,
      class: unofficial ? 'possible outage (unofficial)' : 'vendor incident',
      custom_details: {
        vendor: message.vendor.name,
        status: message.statusLabel,
        impact: message.impact,
        affected_components: message.affectedComponents,
        vendor_update: message.latestUpdate?.body ?? null,
        vendor_page: message.vendor.url,
      },
    },
    client: 'Vendorwatch',
    client_url: message.url,
    links: [
      { href: message.url, text: unofficial ? `${message.vendor.name} on Vendorwatch (reports and probes)` : `${message.vendor.name} incident on Vendorwatch` },
      { href: message.vendor.url, text: `${message.vendor.name} on Vendorwatch` },
    ],
  }
}

/** Our incident id for an incident (as before); "possible-outage:<id>" for a possible outage, so the two never collide. */
export function pagerDutyDedupKey(subjectKey: string): string {
  return subjectKey.startsWith('incident:') ? subjectKey.slice('incident:'.length) : subjectKey
}

export function createPagerDutySender(baseUrl: string = DEFAULT_PAGERDUTY_EVENTS_URL): ChannelSender<'pagerduty'> {
  const endpoint = `${baseUrl.replace(/\/+$/, '')}/v2/enqueue`
  return {
    kind: 'pagerduty',
    async send({ settings, message, http, signal }) {
      const post = async (action: PagerDutyAction, dedupKey: string) => {
        const res = await http({
          method: 'POST',
          url: endpoint,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(pagerDutyEvent(settings, message, action, dedupKey)),
          ...(signal ? { signal } : {}),
        })
        // A 400 naming the routing key is a key PagerDuty does not know: the destination is broken.
        if (res.status === 400 && /routing.?key|integration key/i.test(res.text)) {
          return { ok: false as const, retry: false as const, broken: true as const, reason: 'PagerDuty does not accept this routing key', statusCode: 400 }
        }
        return outcomeOfResponse(res, Date.now(), [404])
      }
      try {
        if (message.test) {
          // A test opens an info-level alert and resolves it at once.
          const key = `vendorwatch-test-${message.eventId}`
          const opened = await post('trigger', key)
          if (!opened.ok) return opened
          const closed = await post('resolve', key)
          return closed.ok ? { ...closed, detail: 'test alert triggered and resolved' } : closed
        }
        const action = pagerDutyAction(message)
        if (!action) return { ok: true, detail: 'nothing to page' }
        const dedupKey = pagerDutyDedupKey(message.subjectKey)
        const outcome = await post(action, dedupKey)
        return outcome.ok ? { ...outcome, thread: { externalId: dedupKey }, detail: `${action} ${dedupKey}` } : outcome
      } catch (e) {
        return outcomeOfError(e)
      }
    },
  }
}
