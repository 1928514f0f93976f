// What the imitation vendors serve: recorded payloads from lib/ingest/fixtures, grouped per
// platform into "families". A family is one imitated page; its variants are states that page goes
// through (operational -> incident -> maintenance...), so switching a vendor to the next variant
// of its family is a realistic upstream change. Families with one variant never change.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { Platform } from '@/lib/catalog/platforms'

export type PolledPlatform = Exclude<Platform, 'unknown'>

export interface Payload {
  body: Buffer
  /** Pre-compressed body, served when the client accepts gzip (as real status pages do). */
  gzip: Buffer | null
  contentType: string
  etag: string
}

/** Endpoint key (as the platform's source module names it) -> payload; a missing key is a 404. */
export type Variant = Record<string, Payload>

export interface Family {
  name: string
  /** Share of the platform's vendors imitating this page. */
  weight: number
  variants: Variant[]
}

const fixture = (path: string) => readFileSync(new URL(`../../lib/ingest/fixtures/${path}`, import.meta.url))

function payload(body: Buffer | string, contentType: string): Payload {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`
  return { body: bytes, gzip: bytes.length > 1024 ? gzipSync(bytes) : null, contentType, etag }
}

const JSON_TYPE = 'application/json; charset=utf-8'
const json = (body: Buffer | string) => payload(body, JSON_TYPE)

/** A Statuspage page: the recorded summary, and incidents/maintenances lists built from it. */
function statuspage(file: string): Variant {
  const text = fixture(`statuspage/${file}`)
  const summary = JSON.parse(text.toString('utf8')) as { page: unknown; incidents?: unknown[]; scheduled_maintenances?: unknown[] }
  return {
    summary: json(text),
    incidents: json(JSON.stringify({ page: summary.page, incidents: summary.incidents ?? [] })),
    maintenances: json(JSON.stringify({ page: summary.page, scheduled_maintenances: summary.scheduled_maintenances ?? [] })),
  }
}

/** AWS serves currentevents as UTF-16 with a byte-order mark. */
const awsEvents = (text: string): Variant => ({ events: payload(Buffer.from(`\ufeff${text}`, 'utf16le'), 'application/json') })

const single = (name: string, variants: Variant[]): Family[] => [{ name, weight: 1, variants }]

export function buildFamilies(): Record<PolledPlatform, Family[]> {
  const github = [
    'github-summary-operational.json',
    'github-summary-partial-outage-without-incident.json',
    'github-summary-degraded-and-major-outage.json',
    'github-summary-major-outage-35-updates.json',
    'github-summary-incident-plus-maintenance.json',
    'github-summary-maintenance-in-progress.json',
    'github-summary-scheduled-maintenance-upcoming.json',
  ]
  return {
    statuspage: [
      { name: 'github', weight: 0.8, variants: github.map(statuspage) },
      { name: 'twilio', weight: 0.1, variants: [statuspage('twilio-summary-component-groups-degraded.json')] },
      { name: 'cloudamqp', weight: 0.1, variants: [statuspage('cloudamqp-summary-under-maintenance.json')] },
    ],
    incidentio: single('openai', [
      {
        summary: json(fixture('incidentio/openai-summary-statuspage-compat.json')),
        incidents: json(fixture('incidentio/synthetic-incidents-statuspage-compat.json')),
        widget: json(fixture('incidentio/synthetic-widget-proxy-grouped-outage.json')),
      },
    ]),
    instatus: single('instatus', [
      { summary: json(fixture('instatus/synthetic-summary-healthy-keys-missing.json')), components: json(fixture('instatus/synthetic-components.json')) },
      { summary: json(fixture('instatus/synthetic-summary-incident-and-maintenance.json')), components: json(fixture('instatus/synthetic-components.json')) },
    ]),
    // The 'page' (HTML naming the page id) is per vendor; the status farm adds it.
    statusio: single(
      'statusio',
      ['docker-status-partial-service-disruption.json', 'gitlab-status-planned-maintenance.json', 'gitlab-status-security-issue.json'].map((f) => ({
        status: json(fixture(`statusio/${f}`)),
      })),
    ),
    betterstack: single(
      'betterstack',
      ['synthetic-index-operational.json', 'synthetic-index-incidents-and-maintenance.json'].map((f) => ({ index: json(fixture(`betterstack/${f}`)) })),
    ),
    cachet: single('cachet', [
      {
        components: json(fixture('cachet/synthetic-components.json')),
        groups: json(fixture('cachet/synthetic-groups.json')),
        incidents: json(fixture('cachet/synthetic-incidents.json')),
      },
    ]),
    rss: [
      {
        name: 'github-atom',
        weight: 0.5,
        variants: ['github-history.atom', 'github-history-with-scheduled-maintenance-entry.atom'].map((f) => ({
          feed: payload(fixture(`rss-atom/${f}`), 'application/atom+xml; charset=utf-8'),
        })),
      },
      { name: 'rss2', weight: 0.5, variants: [{ feed: payload(fixture('rss-atom/synthetic-rss2-generic.xml'), 'application/rss+xml; charset=utf-8') }] },
    ],
    gcp: single('gcp', [{ incidents: json(fixture('google-cloud/gcp-incidents-2022.json')) }]),
    aws: single('aws', [awsEvents(fixture('aws/synthetic-currentevents-open-and-resolved.json').toString('utf8')), awsEvents('[]')]),
    azure: single(
      'azure',
      ['synthetic-empty-channel.xml', 'synthetic-one-item.xml'].map((f) => ({ feed: payload(fixture(`azure/${f}`), 'application/rss+xml; charset=utf-8') })),
    ),
    slack: single(
      'slack',
      ['slack-current-active-incident.json', 'synthetic-current-outage-and-maintenance.json'].map((f) => ({ current: json(fixture(`slack/${f}`)) })),
    ),
    heroku: single(
      'heroku',
      ['heroku-current-status-incident.json', 'heroku-current-status-maintenance.json'].map((f) => ({ current: json(fixture(`heroku/${f}`)) })),
    ),
    salesforce: single('salesforce', [
      {
        instances: json(fixture('salesforce/salesforce-instances-status-preview-with-incident.json')),
        localizations: json(fixture('salesforce/salesforce-localizations.json')),
      },
    ]),
  }
}

/** Path of the primary status URL on a vendor's host, as the catalog would derive it. */
export const API_PATHS: Record<PolledPlatform, string | null> = {
  statuspage: '/api/v2/summary.json',
  incidentio: '/api/v2/summary.json',
  instatus: '/summary.json',
  betterstack: '/index.json',
  cachet: '/api/v1/components',
  rss: '/history.atom',
  gcp: '/incidents.json',
  aws: '/public/currentevents',
  azure: '/en-us/status/feed/',
  slack: '/api/v2.0.0/current',
  heroku: '/api/v4/current-status',
  salesforce: '/v1/instances/status/preview?childProducts=false',
  // status.io pages are discovered from their HTML, then polled on the shared api.status.io host.
  statusio: null,
}

export const htmlPayload = (html: string) => payload(html, 'text/html; charset=utf-8')
