import { describe, expect, it } from 'vitest'
import type { StackContentRow } from '@/lib/data/stack-pages'
import { buildStackModel } from '@/lib/pages/stack-page'
import { stackAtom, stackBadge, stackCalendar } from './stack-feeds'

const now = new Date('2026-12-07T09:00:00Z')
const MINUTE = 60_000
const source = { platform: 'statuspage' as const, apiUrl: 'https://x.example/api', lastCheckedAt: now, lastSuccessAt: now, consecutiveFailures: 0, lastError: null }

type Vendor = StackContentRow['vendor']
type Maintenance = Vendor['maintenances'][number]
type Incident = Vendor['incidents'][number]

function maintenance(id: string, over: Partial<Maintenance> = {}): Maintenance {
  return { id, title: `Upgrade ${id}`, status: 'scheduled', scheduledFor: new Date('2026-12-08T01:00:00Z'), scheduledUntil: new Date('2026-12-08T03:30:00Z'), body: null, updatedAt: now, components: [], ...over }
}
function incident(id: string, over: Partial<Incident> = {}): Incident {
  return { id, title: `Errors ${id}`, status: 'investigating', impact: 'minor', startedAt: new Date('2026-12-07T08:00:00Z'), resolvedAt: null, updatedAt: now, components: [], updates: [], ...over }
}
function row(slug: string, name: string, over: Partial<Vendor> = {}, watch: { allComponents?: boolean; components?: string[] } = {}): StackContentRow {
  return {
    allComponents: watch.allComponents ?? true,
    components: (watch.components ?? []).map((componentId) => ({ componentId })),
    vendor: { id: `v-${slug}`, slug, name, status: 'operational', statusText: null, source, incidents: [], maintenances: [], ...over },
  }
}

const rows = [
  row('acme', 'Acme, Inc; "cloud"', {
    maintenances: [
      maintenance('m-db', { components: [{ componentId: 'c-db' }], title: 'Database, failover; planned', body: 'First, this; then that.' }),
      maintenance('m-cdn', { components: [{ componentId: 'c-cdn' }] }),
      maintenance('m-all', { scheduledFor: new Date('2026-12-09T22:00:00+02:00'), scheduledUntil: null }),
    ],
    incidents: [incident('i-cdn', { components: [{ componentId: 'c-cdn' }] }), incident('i-db', { components: [{ componentId: 'c-db' }] })],
    status: 'degraded',
  }, { allComponents: false, components: ['c-db'] }),
  row('globex', 'Globex', { maintenances: [maintenance('m-globex', { title: 'Ünïcode '.repeat(20).trim() })] }),
  row('initech', 'Initech', { source: { ...source, lastSuccessAt: null } }),
]
const model = buildStackModel(rows, { kind: 'slug', slug: 'platform' }, now, MINUTE)

describe('the stack model', () => {
  it("keeps what each watch follows: its components' items and vendor-wide ones", () => {
    const acme = model.vendors.find((v) => v.slug === 'acme')
    expect(acme?.maintenances.map((m) => m.id)).toEqual(['m-db', 'm-all'])
    expect(acme?.incidents.map((i) => i.id)).toEqual(['i-db'])
  })

  it('never shows a status it has not read; the overall is the worst of the read ones', () => {
    expect(model.vendors.find((v) => v.slug === 'initech')?.status).toBeNull()
    expect(model.overall).toBe('degraded')
    expect(model.vendors[0]?.slug).toBe('acme') // active incidents first
    expect(model.path).toBe('/stacks/platform')
  })
})

describe('the stack calendar (RFC 5545)', () => {
  const ics = stackCalendar(model, 'https://vw.example', now)
  const lines = ics.split('\r\n')

  it('is one calendar with every followed maintenance of every vendor, in start order', () => {
    expect(ics.match(/BEGIN:VCALENDAR/g)).toHaveLength(1)
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3)
    expect(ics).not.toContain('m-cdn')
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual(['UID:maintenance-m-db@vw.example', 'UID:maintenance-m-globex@vw.example', 'UID:maintenance-m-all@vw.example'])
  })

  it('writes CRLF lines, UTC times, a DTSTAMP, and an end for windows without one', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(lines).toContain('DTSTAMP:20261207T090000Z')
    expect(lines).toContain('DTSTART:20261208T010000Z')
    expect(lines).toContain('DTEND:20261208T033000Z')
    // 22:00 at +02:00 is 20:00 UTC; no end upstream: one hour.
    expect(lines).toContain('DTSTART:20261209T200000Z')
    expect(lines).toContain('DTEND:20261209T210000Z')
  })

  it('escapes commas and semicolons in text', () => {
    expect(ics.replace(/\r\n /g, '').split('\r\n')).toContain('SUMMARY:Acme\\, Inc\\; "cloud": Database\\, failover\\; planned')
    expect(ics.replace(/\r\n /g, '').split('\r\n')).toContain('DESCRIPTION:First\\, this\\; then that.')
  })

  it('folds lines longer than 75 octets without splitting a character', () => {
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded).toContain(`SUMMARY:Globex: ${'Ünïcode '.repeat(20).trim()}`)
  })
})

describe('the stack Atom feed and badge', () => {
  it('lists the followed active incidents, named with their vendor', () => {
    const atom = stackAtom(model, 'https://vw.example')
    expect(atom).toContain('<title>Acme, Inc; &quot;cloud&quot;: Errors i-db</title>')
    expect(atom).not.toContain('i-cdn')
    expect(atom).toContain('href="https://vw.example/stacks/platform/feed.atom"')
  })

  it('says how many vendors have problems, and which we could not read', () => {
    const svg = stackBadge(model)
    expect(svg).toContain('aria-label="platform&apos;s stack: 1 of 3 with problems"')
    const allFine = buildStackModel([rows[1] as StackContentRow, rows[2] as StackContentRow], { kind: 'slug', slug: 'x' }, now, MINUTE)
    expect(stackBadge(allFine)).toContain('All 1 operational, 1 unread')
  })
})
