// The page benchmark's data: 2,000 vendors (the real catalog plus synthetic ones) with 90 days of
// component history, incidents with their updates and postmortems, and maintenance, written with
// multi-row `INSERT ... SELECT FROM unnest(...)` so the whole history takes seconds, not minutes.
//
// Invariants the pages rely on, kept here: every component's changes form one chain (each change's
// `fromStatus` is the previous `toStatus`, the first one is operational at the baseline), its
// `status` is its last change, a vendor's status is the worst of its components', and an incident is
// open exactly when it has no `resolvedAt`.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { between, componentDescription, componentLayout, incidentTitle, maintenanceBody, maintenanceTitle, pick, postmortemBody, seededRandom, slugify, syntheticVendorName, updateBody, type Random } from './history-words'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Rows per INSERT: large enough to amortise the round trip, small enough to keep parameters ~1 MB. */
const BATCH = 2_000
/** Vendors generated and written per step, so the history is never all in memory at once. */
const VENDORS_PER_STEP = 100
/** Vendors with ~75 components in regional groups, like Twilio's page. */
const BIG_VENDORS = ['twilio', 'github', 'stripe', 'cloudflare', 'atlassian', 'datadog']
const BIG_VENDOR_COUNT = 20

type Status = 'operational' | 'degraded' | 'partial_outage' | 'major_outage'
const SEVERITY: Record<Status, number> = { operational: 0, degraded: 1, partial_outage: 2, major_outage: 3 }
const IMPACT_STATUS = { none: null, minor: 'degraded', major: 'partial_outage', critical: 'major_outage' } as const
const STATUS_TEXT: Record<Status, string> = { operational: 'All Systems Operational', degraded: 'Minor Service Outage', partial_outage: 'Partial System Outage', major_outage: 'Major Service Outage' }

type Column = readonly [name: string, sqlType: string]
const T = 'timestamp(3)'

/** Column-wise rows of one table: unnest() takes one array per column. */
class Rows {
  readonly data: unknown[][]
  constructor(
    readonly table: string,
    readonly columns: readonly Column[],
  ) {
    this.data = columns.map(() => [])
  }
  push(...values: unknown[]) {
    values.forEach((v, i) => this.data[i]?.push(v instanceof Date ? v.toISOString() : v))
  }
  get length() {
    return this.data[0]?.length ?? 0
  }
  async flush(client: pg.Client) {
    const sql = `INSERT INTO "${this.table}" (${this.columns.map(([n]) => `"${n}"`).join(', ')}) SELECT * FROM unnest(${this.columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`
    for (let start = 0; start < this.length; start += BATCH) await client.query(sql, this.data.map((column) => column.slice(start, start + BATCH)))
    this.data.forEach((column) => (column.length = 0))
  }
}

function tables() {
  return {
    vendor: new Rows('Vendor', [['id', 'text'], ['slug', 'text'], ['name', 'text'], ['category', 'text'], ['statusPageUrl', 'text'], ['status', '"ServiceStatus"'], ['statusText', 'text'], ['statusChangedAt', T], ['createdAt', T], ['updatedAt', T]]),
    source: new Rows('StatusSource', [['id', 'text'], ['vendorId', 'text'], ['platform', '"Platform"'], ['apiUrl', 'text'], ['enabled', 'boolean'], ['nextCheckAt', T], ['lastCheckedAt', T], ['lastSuccessAt', T], ['lastChangedAt', T], ['baselineAt', T]]),
    group: new Rows('ComponentGroup', [['id', 'text'], ['vendorId', 'text'], ['externalId', 'text'], ['name', 'text'], ['position', 'int']]),
    component: new Rows('Component', [['id', 'text'], ['vendorId', 'text'], ['groupId', 'text'], ['externalId', 'text'], ['name', 'text'], ['description', 'text'], ['position', 'int'], ['status', '"ServiceStatus"'], ['statusChangedAt', T], ['onlyShowIfDegraded', 'boolean'], ['firstSeenAt', T]]),
    change: new Rows('ComponentStatusChange', [['id', 'text'], ['componentId', 'text'], ['fromStatus', '"ServiceStatus"'], ['toStatus', '"ServiceStatus"'], ['changedAt', T]]),
    incident: new Rows('Incident', [['id', 'text'], ['vendorId', 'text'], ['externalId', 'text'], ['title', 'text'], ['status', '"IncidentStatus"'], ['impact', '"IncidentImpact"'], ['startedAt', T], ['resolvedAt', T], ['upstreamUpdatedAt', T], ['url', 'text'], ['postmortemBody', 'text'], ['postmortemPublishedAt', T], ['firstSeenAt', T], ['lastSeenAt', T], ['createdAt', T], ['updatedAt', T]]),
    update: new Rows('IncidentUpdate', [['id', 'text'], ['incidentId', 'text'], ['externalId', 'text'], ['status', '"IncidentStatus"'], ['body', 'text'], ['bodyHash', 'text'], ['publishedAt', T], ['createdAt', T]]),
    incidentComponent: new Rows('IncidentComponent', [['incidentId', 'text'], ['componentId', 'text']]),
    maintenance: new Rows('Maintenance', [['id', 'text'], ['vendorId', 'text'], ['externalId', 'text'], ['title', 'text'], ['status', '"MaintenanceStatus"'], ['impact', '"IncidentImpact"'], ['scheduledFor', T], ['scheduledUntil', T], ['startedAt', T], ['completedAt', T], ['url', 'text'], ['body', 'text'], ['bodyHash', 'text'], ['firstSeenAt', T], ['lastSeenAt', T], ['createdAt', T], ['updatedAt', T]]),
    maintenanceComponent: new Rows('MaintenanceComponent', [['maintenanceId', 'text'], ['componentId', 'text']]),
  }
}
type Tables = ReturnType<typeof tables>

export interface CatalogVendor {
  name: string
  slug: string
  statusPageUrl: string
  category: string | null
}

export interface GeneratedHistory {
  vendors: { slug: string; components: number; incidents: number }[]
  /** Every incident as the URL names it. */
  incidents: { slug: string; id: string; postmortem: boolean }[]
  categories: string[]
  rows: Record<string, number>
  /** Characters of Markdown in update bodies and postmortems. */
  markdownChars: number
}

/** The real catalog first, then synthetic vendors until `count`; slugs unique. */
export function benchCatalog(count: number, random: Random): CatalogVendor[] {
  const seed = JSON.parse(fs.readFileSync('prisma/seed/vendors.json', 'utf8')) as { name: string; slug: string; statusPageUrl: string; category?: string }[]
  const vendors: CatalogVendor[] = seed.slice(0, count).map((v) => ({ name: v.name, slug: v.slug, statusPageUrl: v.statusPageUrl, category: v.category ?? null }))
  const categories = [...new Set(vendors.flatMap((v) => (v.category ? [v.category] : [])))]
  const slugs = new Set(vendors.map((v) => v.slug))
  // Status page addresses are unique too (Vendor.pageKey): "helix-hub" and "helixhub" would share one.
  const pages = new Set<string>()
  for (let n = 2; vendors.length < count; n++) {
    let name = syntheticVendorName(random)
    if (slugs.has(slugify(name))) name = `${name} ${n}`
    const slug = slugify(name)
    const statusPageUrl = `https://status.${slug.replace(/-/g, '')}.example`
    if (slugs.has(slug) || pages.has(statusPageUrl)) continue
    slugs.add(slug)
    pages.add(statusPageUrl)
    vendors.push({ name, slug, statusPageUrl, category: pick(random, categories) })
  }
  return vendors
}

export async function generateHistory(url: string, options: { vendors: number; days: number; now: Date; seed: number }): Promise<GeneratedHistory> {
  const random = seededRandom(options.seed)
  const catalog = benchCatalog(options.vendors, random)
  const big = new Set(BIG_VENDORS.filter((s) => catalog.some((v) => v.slug === s)))
  while (big.size < BIG_VENDOR_COUNT) big.add(pick(random, catalog).slug)

  const out: GeneratedHistory = { vendors: [], incidents: [], categories: [...new Set(catalog.flatMap((v) => (v.category ? [v.category] : [])))].sort(), rows: {}, markdownChars: 0 }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const t = tables()
    for (let i = 0; i < catalog.length; i += VENDORS_PER_STEP) {
      for (const vendor of catalog.slice(i, i + VENDORS_PER_STEP)) generateVendor(t, out, random, vendor, big.has(vendor.slug) ? (vendor.slug === 'twilio' ? 75 : between(random, 60, 80)) : null, options)
      // Parents before children (foreign keys).
      for (const rows of Object.values(t)) {
        out.rows[rows.table] = (out.rows[rows.table] ?? 0) + rows.length
        await rows.flush(client)
      }
    }
    await client.query('ANALYZE')
  } finally {
    await client.end()
  }
  return out
}

let counter = 0
const newId = (prefix: string) => `${prefix}${(counter++).toString(36).padStart(7, '0')}bench`
const externalId = (random: Random) => Array.from({ length: 12 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('')
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

interface Interval {
  from: number
  to: number
  status: Status
}

function generateVendor(t: Tables, out: GeneratedHistory, random: Random, vendor: CatalogVendor, bigCount: number | null, options: { days: number; now: Date }) {
  const now = options.now.getTime()
  const baseline = now - (options.days + 1) * DAY
  const windowStart = now - options.days * DAY
  const vendorId = newId('v')

  const componentCount = bigCount ?? 5 + Math.floor(35 * random() ** 1.6)
  const groupCount = bigCount ? 6 : between(random, 1, Math.min(6, Math.ceil(componentCount / 5)))
  const layout = componentLayout(random, componentCount, groupCount)
  const groupIds = layout.groups.map((name, position) => {
    const id = newId('g')
    t.group.push(id, vendorId, externalId(random), name, position)
    return id
  })
  const components = layout.components.map((c) => ({ ...c, id: newId('c'), intervals: [] as Interval[] }))

  // Incidents: resolved ones spread over the window, an open one on ~4% of vendors.
  const incidentCount = bigCount ? between(random, 25, 40) : Math.floor(41 * random() ** 2)
  const open = random() < 0.04
  for (let n = 0; n < incidentCount + (open ? 1 : 0); n++) {
    const isOpen = n === incidentCount
    const startedAt = isOpen ? now - between(random, 10, 240) * MINUTE : windowStart + random() * (options.days * DAY - 2 * HOUR)
    const resolvedAt = isOpen ? null : Math.min(startedAt + (10 + Math.floor(-Math.log(1 - random()) * 70)) * MINUTE, now - 5 * MINUTE)
    const impact = pick(random, ['none', 'minor', 'minor', 'minor', 'minor', 'major', 'major', 'major', 'critical', 'critical'] as const)
    const affected = [...new Set(Array.from({ length: 1 + Math.floor(random() ** 2 * Math.min(5, components.length)) }, () => pick(random, components)))]
    const status = IMPACT_STATUS[impact]
    if (status) for (const c of affected) c.intervals.push({ from: startedAt, to: resolvedAt ?? Infinity, status })
    writeIncident(t, out, random, vendor, vendorId, affected, { startedAt, resolvedAt, impact, now })
  }

  // Each component's chain of changes, from the overlapping incident intervals.
  let vendorStatus: Status = 'operational'
  let vendorChangedAt = baseline
  components.forEach((c, position) => {
    let current: Status = 'operational'
    let changedAt = baseline
    t.change.push(newId('h'), c.id, null, current, new Date(baseline))
    const times = [...new Set(c.intervals.flatMap((iv) => [iv.from, iv.to]).filter((x) => x !== Infinity))].sort((a, b) => a - b)
    for (const at of times) {
      const active = c.intervals.filter((iv) => iv.from <= at && at < iv.to)
      const next = active.reduce<Status>((worst, iv) => (SEVERITY[iv.status] > SEVERITY[worst] ? iv.status : worst), 'operational')
      if (next === current) continue
      t.change.push(newId('h'), c.id, current, next, new Date(at))
      current = next
      changedAt = at
    }
    if (SEVERITY[current] > SEVERITY[vendorStatus]) vendorStatus = current
    vendorChangedAt = Math.max(vendorChangedAt, changedAt)
    t.component.push(c.id, vendorId, groupIds[c.group] ?? null, externalId(random), c.name, componentDescription(random), position, current, new Date(changedAt), random() < 0.05, new Date(baseline))
  })
  writeMaintenance(t, random, vendor, vendorId, components, now)

  t.vendor.push(vendorId, vendor.slug, vendor.name, vendor.category, vendor.statusPageUrl, vendorStatus, STATUS_TEXT[vendorStatus], new Date(vendorChangedAt), new Date(baseline), options.now)
  // enabled=false: nothing polls these made-up pages; checked "now" so the pages show a fresh status.
  t.source.push(newId('s'), vendorId, 'statuspage', `${vendor.statusPageUrl}/api/v2/summary.json`, false, options.now, options.now, options.now, new Date(vendorChangedAt), new Date(baseline))
  out.vendors.push({ slug: vendor.slug, components: components.length, incidents: incidentCount + (open ? 1 : 0) })
}

function writeIncident(t: Tables, out: GeneratedHistory, random: Random, vendor: CatalogVendor, vendorId: string, affected: { id: string; name: string }[], i: { startedAt: number; resolvedAt: number | null; impact: string; now: number }) {
  const id = newId('i')
  const ext = externalId(random)
  const main = affected[0]?.name ?? 'API'
  const title = incidentTitle(random, main)
  const end = i.resolvedAt ?? i.now - 2 * MINUTE
  // Statuses progress investigating -> identified -> monitoring (-> resolved), evenly over the incident.
  const steps = i.resolvedAt === null ? between(random, 1, 4) : between(random, 2, 8)
  const statuses = Array.from({ length: steps }, (_, n) => {
    if (n === 0) return 'investigating'
    if (i.resolvedAt !== null && n === steps - 1) return 'resolved'
    return n <= (steps - 1) / 2 ? 'identified' : 'monitoring'
  })
  let lastAt = i.startedAt
  statuses.forEach((status, n) => {
    lastAt = steps === 1 ? i.startedAt : i.startedAt + ((end - i.startedAt) * n) / (steps - 1)
    const body = updateBody(random, status, main, new Date(i.startedAt), new Date(end))
    out.markdownChars += body.length
    t.update.push(newId('u'), id, externalId(random), status, body, sha256(body), new Date(lastAt), new Date(lastAt))
  })
  let postmortem: string | null = null
  let postmortemAt: number | null = null
  if (i.resolvedAt !== null && random() < 0.1) {
    postmortemAt = i.resolvedAt + between(random, 1, 5) * DAY
    if (postmortemAt < i.now) {
      postmortem = postmortemBody(random, title, main, new Date(i.startedAt), new Date(i.resolvedAt))
      out.markdownChars += postmortem.length
    } else postmortemAt = null
  }
  const status = i.resolvedAt === null ? (statuses.at(-1) ?? 'investigating') : postmortem && random() < 0.5 ? 'postmortem' : 'resolved'
  const started = new Date(i.startedAt)
  const updatedAt = new Date(Math.max(lastAt, postmortemAt ?? 0))
  t.incident.push(id, vendorId, ext, title, status, i.impact, started, i.resolvedAt === null ? null : new Date(i.resolvedAt), updatedAt, `${vendor.statusPageUrl}/incidents/${ext}`, postmortem, postmortemAt === null ? null : new Date(postmortemAt), started, new Date(i.now), started, updatedAt)
  for (const c of affected) t.incidentComponent.push(id, c.id)
  out.incidents.push({ slug: vendor.slug, id, postmortem: postmortem !== null })
}

/** On ~40% of vendors: past completed windows, upcoming scheduled ones, rarely one running now. */
function writeMaintenance(t: Tables, random: Random, vendor: CatalogVendor, vendorId: string, components: { id: string; name: string }[], now: number) {
  if (random() >= 0.4) return
  for (let n = between(random, 1, 4); n > 0; n--) {
    const r = random()
    const kind = r < 0.55 ? 'past' : r < 0.95 ? 'upcoming' : 'running'
    const start = kind === 'past' ? now - between(random, 1, 89) * DAY : kind === 'upcoming' ? now + between(random, 1, 14) * DAY : now - 30 * MINUTE
    const until = start + between(random, 1, 4) * HOUR
    const component = pick(random, components)
    const body = maintenanceBody(random, component.name)
    const id = newId('m')
    const ext = externalId(random)
    const seen = new Date(Math.min(start - 3 * DAY, now))
    t.maintenance.push(id, vendorId, ext, maintenanceTitle(random, component.name), kind === 'past' ? 'completed' : kind === 'upcoming' ? 'scheduled' : 'in_progress', 'none', new Date(start), new Date(until), kind === 'upcoming' ? null : new Date(start), kind === 'past' ? new Date(until) : null, `${vendor.statusPageUrl}/incidents/${ext}`, body, sha256(body), seen, new Date(now), seen, new Date(now))
    t.maintenanceComponent.push(id, component.id)
  }
}
