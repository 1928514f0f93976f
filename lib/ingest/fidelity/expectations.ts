// What a reader of each real payload sees in it, written by hand from the payload itself (its
// indicator, its component list, its open incidents) and the platform's documented meaning of
// its values, never from our parser's output. The fidelity suite (fidelity.int.test.ts) runs each
// payload through the real refresh and compares the vendor JSON of /api/v1/vendors/{slug} with it.
// Source of every file: lib/ingest/fixtures/SOURCES.md.
import type { Platform } from '@/lib/catalog/platforms'
import type { IncidentImpact, ServiceStatus } from '@/lib/status/statuses'

export interface PayloadReading {
  status: ServiceStatus
  /** Components the page lists (Statuspage groups are headings, not components). */
  componentCount?: number
  /** How many of them are not operational. */
  nonOperationalCount?: number
  /** A few named components and the status their payload gives them. */
  components?: Record<string, ServiceStatus>
  /** How many incidents are open. */
  openIncidentCount?: number
  /** Every open incident, by title; impact where the payload states one. */
  openIncidents?: { title: string; impact?: IncidentImpact }[]
  /** Maintenances the vendor page lists (open or recent). */
  maintenanceCount?: number
}

export interface FidelityCase {
  slug: string
  platform: Exclude<Platform, 'unknown'>
  /** Endpoint key -> fixture file under lib/ingest/fixtures; an endpoint left out answers 404. */
  bodies: Record<string, string>
  /** The time of the check: shortly after the capture, so open items are still open. */
  checkedAt: string
  expected: PayloadReading
}

export const FIDELITY_CASES: FidelityCase[] = [
  {
    // indicator "minor", 11 components, 7 of them partial_outage, three unresolved incidents, one
    // of impact major ("Incident with Pull Requests"): the page shows that one in the major colour,
    // so the page reads partial_outage, not the indicator's minor (lib/status/open-incidents.ts).
    slug: 'fid-github-three-open',
    platform: 'statuspage',
    bodies: { summary: 'statuspage/github-summary-three-open-incidents.json' },
    checkedAt: '2026-02-09T17:10:00Z',
    expected: {
      // 11 entries, one of them the pointer "Visit www.githubstatus.com for more information",
      // which no reader lists (lib/status/placeholder-components.ts): 10 components.
      status: 'partial_outage',
      componentCount: 10,
      nonOperationalCount: 7,
      components: { 'Git Operations': 'partial_outage', Copilot: 'partial_outage', 'API Requests': 'operational' },
      openIncidents: [
        { title: 'Copilot Policy Propagation Delays', impact: 'minor' },
        { title: 'Incident with Pull Requests', impact: 'major' },
        { title: 'Notifications are delayed', impact: 'minor' },
      ],
      maintenanceCount: 0,
    },
  },
  {
    // 73 entries of which 8 are groups (group: true) -> 65 components; 4 leaf components are
    // degraded_performance; 2 open incidents (investigating, monitoring), both minor; 9 scheduled
    // maintenances.
    slug: 'fid-twilio-groups',
    platform: 'statuspage',
    bodies: { summary: 'statuspage/twilio-summary-component-groups-degraded.json' },
    checkedAt: '2020-06-16T21:05:00Z',
    expected: {
      status: 'degraded',
      componentCount: 65,
      nonOperationalCount: 4,
      components: { MMS: 'degraded', 'SMS Short Code, North America': 'degraded', 'SMS, Middle East & Africa': 'degraded' },
      openIncidents: [
        { title: 'SMS Delivery Delays from Subset of Twilio Short Codes to US Sprint', impact: 'minor' },
        { title: 'SMS Delivery Delays to Mozambique Movitel', impact: 'minor' },
      ],
      maintenanceCount: 9,
    },
  },
  {
    // incident.io's Statuspage-compatible summary: indicator minor, 22 of 25 components
    // degraded_performance, two open incidents (minor and none); incidents.json and the widget 404.
    slug: 'fid-openai-two-open',
    platform: 'incidentio',
    bodies: { summary: 'incidentio/openai-compat-summary-2-open-incidents.json' },
    checkedAt: '2026-09-29T18:35:00Z',
    expected: {
      status: 'degraded',
      componentCount: 25,
      nonOperationalCount: 22,
      components: { Realtime: 'degraded', 'Compliance API': 'degraded' },
      openIncidents: [
        { title: 'Elevated errors across ChatGPT, Codex, and the API including the Agents API', impact: 'minor' },
        { title: 'Support chat unavailable', impact: 'none' },
      ],
      maintenanceCount: 0,
    },
  },
  {
    // status.io: status_overall 400 "Partial Service Disruption"; 8 services, one (Docker Hub
    // Automated Builds) at 400; one incident whose one message has status 400 (Partial Service
    // Disruption: impact major, the impact whose open incident means a partial outage).
    slug: 'fid-docker-statusio',
    platform: 'statusio',
    bodies: { status: 'statusio/docker-status-partial-service-disruption.json' },
    checkedAt: '2020-07-16T17:30:00Z',
    expected: {
      status: 'partial_outage',
      componentCount: 8,
      nonOperationalCount: 1,
      components: { 'Docker Hub Automated Builds': 'partial_outage', 'Docker Hub Registry': 'operational' },
      openIncidents: [{ title: 'Docker Hub automated builds issue', impact: 'major' }],
      maintenanceCount: 0,
    },
  },
  {
    // Heroku: Apps, Data and Tools all yellow (Heroku: yellow = minor issue); one open incident.
    slug: 'fid-heroku-incident',
    platform: 'heroku',
    bodies: { current: 'heroku/heroku-current-status-incident.json' },
    checkedAt: '2019-10-24T18:45:00Z',
    expected: {
      status: 'degraded',
      componentCount: 3,
      nonOperationalCount: 3,
      components: { Apps: 'degraded', Data: 'degraded', Tools: 'degraded' },
      openIncidents: [{ title: 'Connection timeouts to applications and Heroku Postgres', impact: 'minor' }],
      maintenanceCount: 0,
    },
  },
  {
    // Slack: status "active", two active incidents of type "incident", on Notifications and on
    // Apps/Integrations/APIs. Slack's types are three steps (notice < incident < outage), read
    // onto our three outage steps: an "incident" is a partial outage of the services it names.
    slug: 'fid-slack-active',
    platform: 'slack',
    bodies: { current: 'slack/slack-current-active-incident.json' },
    checkedAt: '2020-07-30T22:20:00Z',
    expected: {
      status: 'partial_outage',
      nonOperationalCount: 2,
      components: { Notifications: 'partial_outage', 'Apps/Integrations/APIs': 'partial_outage', Messaging: 'operational' },
      openIncidents: [
        { title: "We're looking into an issue with certain API calls", impact: 'minor' },
        { title: 'We are investigating an issue with notification settings', impact: 'minor' },
      ],
      maintenanceCount: 0,
    },
  },
  {
    // Cachet: 7 enabled components, all status 1 (Operational); "Yoti Doc Scan" twice (ids 6 and
    // 9, two regions). Groups and incidents endpoints are not part of the sample (404).
    slug: 'fid-yoti-cachet',
    platform: 'cachet',
    bodies: { components: 'cachet/yoti-components-docs-sample.json' },
    checkedAt: '2020-10-12T12:30:00Z',
    expected: {
      status: 'operational',
      componentCount: 7,
      nonOperationalCount: 0,
      components: { 'Yoti Website': 'operational', 'Yoti Hub': 'operational' },
      openIncidents: [],
      maintenanceCount: 0,
    },
  },
  {
    // Instatus: page.status "UP", no activeIncidents/activeMaintenances keys; components.json 404.
    slug: 'fid-wistia-instatus',
    platform: 'instatus',
    bodies: { summary: 'instatus/wistia-summary-up-doc-sample.json' },
    checkedAt: '2026-09-23T12:00:00Z',
    expected: { status: 'operational', componentCount: 0, openIncidents: [], maintenanceCount: 0 },
  },
  {
    // indicator "maintenance"; 10 components, GitHub Actions under_maintenance; no incident; four
    // maintenances (three in_progress, one scheduled for 2022-03-28).
    slug: 'fid-github-maintenance',
    platform: 'statuspage',
    bodies: { summary: 'statuspage/github-summary-maintenance-in-progress-and-scheduled.json' },
    checkedAt: '2022-03-25T13:00:00Z',
    expected: {
      // 10 entries, one of them the "Visit www.githubstatus.com …" pointer: 9 components.
      status: 'maintenance',
      componentCount: 9,
      nonOperationalCount: 1,
      components: { 'GitHub Actions': 'maintenance', Codespaces: 'operational' },
      openIncidents: [],
      maintenanceCount: 4,
    },
  },
  {
    // Instructure (America/Denver offsets): indicator minor; 24 entries of which 3 are groups ->
    // 21 components, 8 of them degraded_performance; one identified incident of impact minor.
    slug: 'fid-instructure-denver',
    platform: 'statuspage',
    bodies: { summary: 'statuspage/instructure-summary-groups-degraded-denver.json' },
    checkedAt: '2021-12-07T18:15:00Z',
    expected: {
      status: 'degraded',
      componentCount: 21,
      nonOperationalCount: 8,
      components: { Canvas: 'degraded', Portal: 'degraded' },
      openIncidents: [
        {
          title: 'Amazon Web Services (AWS) is currently experiencing an outage that is affecting some Canvas users hosted in the IAD (North American) region.',
          impact: 'minor',
        },
      ],
      maintenanceCount: 0,
    },
  },
  {
    // Heroku: Data is blue (Heroku: blue = maintenance), Apps and Tools green; no incident; one
    // scheduled item, resolved: true, announced for Monday 9 November 2020 19:00 UTC.
    slug: 'fid-heroku-maintenance',
    platform: 'heroku',
    bodies: { current: 'heroku/heroku-current-status-maintenance.json' },
    checkedAt: '2020-11-09T20:00:00Z',
    expected: {
      status: 'maintenance',
      componentCount: 3,
      nonOperationalCount: 1,
      components: { Data: 'maintenance', Apps: 'operational', Tools: 'operational' },
      openIncidents: [],
    },
  },
  {
    // status.io (GitLab): status_overall 200 "Planned Maintenance"; 15 components, one
    // (dashboards.gitlab.com) at 200; one active maintenance; and one open incident (state 200,
    // identified) whose messages carry status 400, Partial Service Disruption, on Website. The
    // header says maintenance, but an open partial disruption is worse than planned work: the page
    // reads partial_outage (the rule of lib/status/open-incidents.ts).
    slug: 'fid-gitlab-maintenance',
    platform: 'statusio',
    bodies: { status: 'statusio/gitlab-status-planned-maintenance.json' },
    checkedAt: '2020-09-05T09:50:00Z',
    expected: {
      status: 'partial_outage',
      componentCount: 15,
      nonOperationalCount: 1,
      components: { 'dashboards.gitlab.com': 'maintenance' },
      openIncidents: [{ title: '500 Error - User Notification Settings', impact: 'major' }],
      maintenanceCount: 1,
    },
  },
  {
    // status.io (GitLab): status_overall 600 "Security Issue" on 5 of 13 components. status.io
    // ranks 600 above 500 (service disruption) and shows it as its most severe state, so it reads
    // as a major outage of those components; never as operational.
    slug: 'fid-gitlab-security',
    platform: 'statusio',
    bodies: { status: 'statusio/gitlab-status-security-issue.json' },
    checkedAt: '2020-02-09T18:50:00Z',
    expected: {
      status: 'major_outage',
      componentCount: 13,
      nonOperationalCount: 5,
      components: { Website: 'major_outage', API: 'major_outage', 'CI/CD': 'major_outage' },
      openIncidentCount: 1,
    },
  },
  {
    // Salesforce Trust: 1,528 instances, 65 of them isActive false (retired) -> 1,463 components.
    // One (NA137, production) is MINOR_INCIDENT_CORE with incident 5968: impact severity "minor",
    // type performanceDegradationAsynchronousProcessingSubset, whose serviceIssue text in
    // /v1/localizations is "Performance Degradation - Asynchronous Processing": a performance
    // degradation of a subset of one feature, severity minor. NA137 therefore reads degraded, and
    // so does the vendor (decided December 2026: MINOR_INCIDENT_CORE is degraded, "core" weighs on
    // major incidents only; docs/status-page-formats.md §5).
    slug: 'fid-salesforce-na137',
    platform: 'salesforce',
    bodies: { instances: 'salesforce/salesforce-instances-status-preview-with-incident.json', localizations: 'salesforce/salesforce-localizations.json' },
    checkedAt: '2020-07-29T18:00:00Z',
    expected: {
      status: 'degraded',
      componentCount: 1463,
      nonOperationalCount: 1,
      components: { NA137: 'degraded', NA138: 'operational' },
      openIncidentCount: 1,
    },
  },
  {
    // GitHub history.atom, 25 entries: the newest label of every entry is Resolved or Completed,
    // so nothing is open and the page reads operational.
    slug: 'fid-github-history-atom',
    platform: 'rss',
    bodies: { feed: 'rss-atom/github-history.atom' },
    checkedAt: '2026-08-22T04:00:00Z',
    expected: { status: 'operational', openIncidents: [] },
  },
  {
    // GitHub history.atom whose newest entry, "Codespaces Scheduled Maintenance", is labelled
    // "In progress" (posted 2025-05-29T21:30Z); every other entry is Resolved or Completed.
    slug: 'fid-github-history-maintenance',
    platform: 'rss',
    bodies: { feed: 'rss-atom/github-history-maintenance-in-progress.atom' },
    checkedAt: '2025-05-30T04:00:00Z',
    expected: { status: 'maintenance', openIncidents: [] },
  },
  {
    // Google Cloud incidents.json: five incidents, every one with an "end": nothing open.
    slug: 'fid-gcp-all-ended',
    platform: 'gcp',
    bodies: { incidents: 'google-cloud/limatechnology-google-incidents-2026-5.json' },
    checkedAt: '2026-03-15T12:00:00Z',
    expected: { status: 'operational', openIncidents: [] },
  },
]
