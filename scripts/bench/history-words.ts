// The words of the page benchmark's generated history: vendor, component and group names,
// incident titles, update bodies and postmortems. Bodies are Markdown of the length and shape
// vendors publish (lists, bold, links), so the pages render what they render in production.
export type Random = () => number

/** Deterministic PRNG (mulberry32): the same seed generates the same catalog and history. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}
export const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))

const NAME_HEADS = ['Nimbus', 'Cobalt', 'Vertex', 'Lumen', 'Quanta', 'Helix', 'Arbor', 'Beacon', 'Cinder', 'Delta', 'Ember', 'Fathom', 'Granite', 'Harbor', 'Ion', 'Juniper', 'Kestrel', 'Lattice', 'Meridian', 'Nova', 'Orbit', 'Pylon', 'Quill', 'Relay', 'Summit', 'Tandem', 'Umbra', 'Vector', 'Willow', 'Zenith', 'Atlas', 'Bramble', 'Cascade', 'Drift', 'Falcon', 'Glacier', 'Horizon', 'Inlet', 'Keystone', 'Lodestar']
const NAME_TAILS = ['Cloud', 'Pay', 'Mail', 'Base', 'Stack', 'Ops', 'Labs', 'IO', 'HQ', 'Flow', 'Desk', 'Sync', 'Link', 'Metrics', 'Auth', 'Hub', 'Forms', 'Queue', 'CDN', 'Data', 'Chat', 'Sign', 'Ship', 'Docs', 'Pulse']

/** Synthetic vendor names beyond the real catalog, e.g. "Nimbus Pay", "CobaltStack". */
export function syntheticVendorName(random: Random): string {
  return `${pick(random, NAME_HEADS)}${random() < 0.5 ? ' ' : ''}${pick(random, NAME_TAILS)}`
}

export const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

const SERVICES = ['API', 'Dashboard', 'Webhooks', 'Authentication', 'Billing', 'Search', 'Notifications', 'Email Delivery', 'SMS', 'Voice', 'CDN', 'DNS', 'Database', 'Object Storage', 'Compute', 'Kubernetes', 'Load Balancers', 'Logs', 'Metrics', 'Tracing', 'Alerting', 'CI Pipelines', 'Git Operations', 'Packages', 'Pages', 'Mobile SDK', 'Web App', 'Admin Console', 'Reporting', 'Analytics', 'Integrations', 'SSO', 'SCIM Provisioning', 'Support Portal', 'Payments', 'Payouts', 'Checkout', 'Marketplace', 'Realtime', 'Push Notifications', 'Video', 'Chat', 'File Uploads', 'Media Processing', 'Scheduled Jobs', 'Queues', 'Cache', 'Backups', 'GraphQL API', 'REST API', 'Edge Functions', 'Serverless Functions', 'Builds', 'Deployments', 'Domains', 'TLS Certificates', 'Data Export', 'Audit Logs', 'Mobile App', 'Developer Portal']
const REGIONS = ['US East', 'US West', 'EU West', 'EU Central', 'UK', 'Canada', 'Brazil', 'India', 'Singapore', 'Japan', 'Australia', 'South Africa']
const GROUPS = ['Core Services', 'APIs', 'Web Application', 'Integrations', 'Infrastructure', 'Data Processing', 'Communications', 'Third-party Services', 'Developer Tools', 'Account Management']

/** `count` distinct component names in `groupCount` groups; big vendors get regional groups like Twilio's. */
export function componentLayout(random: Random, count: number, groupCount: number): { groups: string[]; components: { name: string; group: number }[] } {
  const regional = count > 40
  const groups = regional ? REGIONS.slice(0, groupCount) : [...GROUPS].sort(() => random() - 0.5).slice(0, groupCount)
  const services = [...SERVICES].sort(() => random() - 0.5)
  const components: { name: string; group: number }[] = []
  for (let i = 0; i < count; i++) {
    const group = i % groupCount
    const service = services[i % services.length] ?? 'Service'
    components.push({ name: regional ? `${service} (${groups[group]})` : service, group })
  }
  return { groups, components }
}

const DESCRIPTIONS = ['Requests to our public API.', 'The web dashboard used to manage your account.', 'Delivery of outgoing events to your endpoints.', 'Sign-in, sessions and API keys.', null, null, null]
export const componentDescription = (random: Random) => pick(random, DESCRIPTIONS)

const TITLES = [
  'Elevated error rates for {c}',
  'Degraded performance of {c}',
  '{c} unavailable for some customers',
  'Increased latency on {c} in {r}',
  'Delayed processing of {c} events',
  'Intermittent failures when using {c}',
  'Partial outage of {c}',
  '{c} requests timing out',
  'Investigating reports of issues with {c}',
]
export const incidentTitle = (random: Random, component: string) =>
  pick(random, TITLES).replace('{c}', component).replace('{r}', pick(random, REGIONS))

const CAUSES = [
  'a misconfigured load balancer rule deployed earlier today',
  'database connection pool exhaustion on a primary cluster',
  'an expired internal TLS certificate',
  'a faulty release of our request routing layer',
  'degraded performance at one of our upstream cloud providers',
  'a sudden surge in traffic that exceeded autoscaling limits',
  'a storage node running out of disk space',
  'a network partition between two availability zones',
]
const EXTRA = [
  'We understand how important {c} is to your business and we are treating this with the highest priority.',
  'Customers may see `HTTP 503` responses or requests taking longer than usual. Retried requests are likely to succeed.',
  'No data has been lost; queued work will be processed once the service recovers.',
  'For the latest updates you can also follow [@status](https://twitter.com/status) or subscribe to this page.',
  'Only a subset of accounts hosted in **{r}** is affected. Other regions are operating normally.',
  'Our on-call engineers have been engaged and are actively working on mitigation.',
  'Scheduled jobs that were missed during this window will be retried automatically.',
]
const LEADS: Record<string, string[]> = {
  investigating: ['We are currently investigating elevated error rates affecting **{c}**.', 'We are investigating reports of degraded performance for {c}.', 'Some customers are experiencing failures when using {c}. We are looking into it.'],
  identified: ['The issue has been identified as {cause}. A fix is being implemented.', 'We have identified the cause: {cause}. Mitigation is under way.'],
  monitoring: ['A fix has been implemented and we are monitoring the results.', 'Error rates for {c} have returned to normal levels. We continue to monitor closely.'],
  resolved: ['This incident has been resolved. {c} is operating normally.', 'Between {t1} and {t2} UTC, requests to {c} failed at an elevated rate. The issue is resolved and we apologize for the inconvenience.'],
}

/** One update of 150-900 characters: a lead sentence for the status, then a few of the usual ones. */
export function updateBody(random: Random, status: string, component: string, from: Date, to: Date): string {
  const fill = (s: string) =>
    s
      .replaceAll('{c}', component)
      .replaceAll('{r}', pick(random, REGIONS))
      .replaceAll('{cause}', pick(random, CAUSES))
      .replaceAll('{t1}', from.toISOString().slice(11, 16))
      .replaceAll('{t2}', to.toISOString().slice(11, 16))
  const parts = [fill(pick(random, LEADS[status] ?? LEADS.investigating ?? []))]
  const extras = between(random, 0, 4)
  for (let i = 0; i < extras; i++) parts.push(fill(pick(random, EXTRA)))
  if (random() < 0.2) parts.push(`Affected:\n\n- ${component}\n- ${pick(random, SERVICES)}`)
  return parts.join('\n\n')
}

/** A 3-8 KB postmortem: summary, timeline, root cause, impact and action items. */
export function postmortemBody(random: Random, title: string, component: string, from: Date, to: Date): string {
  const target = between(random, 3_000, 8_000)
  const minute = (offset: number) => new Date(from.getTime() + offset * 60_000).toISOString().slice(11, 16)
  const sections = [
    `## Summary\n\nOn ${from.toISOString().slice(0, 10)} between ${minute(0)} and ${to.toISOString().slice(11, 16)} UTC, customers experienced **${title.toLowerCase()}**. The incident was caused by ${pick(random, CAUSES)}. We sincerely apologize for the disruption this caused.`,
    `## Timeline (UTC)\n\n${Array.from({ length: between(random, 6, 14) }, (_, i) => `- **${minute(i * 7)}** ${pick(random, ['Automated alerts fire for elevated error rates.', 'On-call engineer acknowledges the page.', 'Incident declared; status page updated.', 'Traffic shifted away from the affected cluster.', 'Faulty change identified and rollback started.', 'Rollback completed; error rates begin to recover.', 'Queued work drained.', 'Incident resolved.'])}`).join('\n')}`,
    `## Root cause\n\nA routine change to ${component} altered how requests were routed between availability zones. Under normal load the change behaved as expected, but once traffic crossed the daily peak the new routing concentrated connections on a small number of hosts. Those hosts exhausted their connection pools and began rejecting requests, which in turn triggered client retries that amplified the load further.`,
    `## Impact\n\n- Roughly ${between(random, 2, 40)}% of requests to ${component} failed or timed out.\n- Webhooks were delayed by up to ${between(random, 5, 90)} minutes; none were lost.\n- No customer data was lost or exposed.`,
  ]
  const actions = ['Add load tests at twice the daily peak to the release checklist.', 'Alert on connection pool saturation, not only on error rates.', 'Roll out routing changes region by region with automatic rollback.', 'Cap client retries with jittered exponential backoff in our SDKs.', 'Review capacity headroom for every tier-1 service each quarter.', 'Improve the time it takes to update this status page during an incident.']
  sections.push(`## What we are doing\n\n${actions.map((a) => `- ${a}`).join('\n')}`)
  let body = sections.join('\n\n')
  while (body.length < target) {
    body += `\n\n${pick(random, [
      'We take the reliability of our platform seriously and know that you depend on it. Over the coming weeks we will complete the remediation items above and share progress in our engineering blog.',
      'During the investigation the team initially suspected an upstream provider, because error rates rose in several regions at once. Request tracing later showed that every failing request passed through the same routing tier.',
      'Our monitoring detected the problem within two minutes, but the status page was updated only after fifteen. We are automating the first status update so customers hear from us as soon as our alerts fire.',
    ])}`
  }
  return body
}

const MAINTENANCE_TITLES = ['Scheduled database maintenance', 'Network upgrade in {r}', 'Planned upgrade of {c}', 'Infrastructure maintenance for {c}', 'Certificate rotation']
export const maintenanceTitle = (random: Random, component: string) =>
  pick(random, MAINTENANCE_TITLES).replace('{c}', component).replace('{r}', pick(random, REGIONS))
export const maintenanceBody = (random: Random, component: string) =>
  `We will be performing scheduled maintenance on **${component}**. ${pick(random, ['No downtime is expected.', 'During this window some requests may fail for up to 5 minutes.', 'The dashboard will be read-only during the window.'])}\n\nIf you have questions, please contact [support](https://example.com/support).`
