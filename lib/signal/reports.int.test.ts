// The report intake against a real database: dedupe per browser and per network, the request
// limit, components, and that nothing but hashes is stored.
import { beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/v1/vendors/[slug]/reports/route'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { db } from '@/lib/db/client'
import { REPORT_REQUESTS_PER_NETWORK } from './params'
import { deriveReporterKey, REPORTER_COOKIE } from './reporter-keys'
import { submitProblemReport } from './reports'

const key = deriveReporterKey('reports-int-test-secret-0123456789abcdef')
const T0 = new Date('2026-12-01T10:00:00Z')
const at = (minutes: number) => () => new Date(T0.getTime() + minutes * 60_000)
let componentId: string
const componentPublicId = 'api'
const otherVendorsComponentPublicId = 'api2'

beforeAll(async () => {
  await upsertCatalogRows([
    { name: 'Acme', slug: 'acme', statusPageUrl: 'https://status.acme.example', platform: 'statuspage' },
    { name: 'Other', slug: 'other', statusPageUrl: 'https://status.other.example', platform: 'statuspage' },
  ])
  const [acme, other] = await Promise.all([db.vendor.findUniqueOrThrow({ where: { slug: 'acme' } }), db.vendor.findUniqueOrThrow({ where: { slug: 'other' } })])
  const component = (vendorId: string, externalId: string) =>
    db.component.create({ data: { vendorId, externalId, name: `API ${externalId}`, status: 'operational', statusChangedAt: T0 } })
  componentId = (await component(acme.id, componentPublicId)).id
  await component(other.id, otherVendorsComponentPublicId)
})

describe('submitProblemReport', () => {
  it('counts one report per browser and per network per vendor per 30 minutes', async () => {
    const report = (ip: string, browserId: string, minutes: number) => submitProblemReport({ vendorSlug: 'acme', clientIp: ip, browserId }, { now: at(minutes), key })
    expect(await report('198.51.100.7', 'browser-aaaaaaaaaaaaaaa', 0)).toEqual({ kind: 'accepted' })
    // Same browser from another network; same network (another address in its /24) from another browser.
    expect(await report('203.0.113.9', 'browser-aaaaaaaaaaaaaaa', 5)).toEqual({ kind: 'already-reported' })
    expect(await report('198.51.100.200', 'browser-bbbbbbbbbbbbbbb', 10)).toEqual({ kind: 'already-reported' })
    // Another vendor is another report.
    expect(await submitProblemReport({ vendorSlug: 'other', clientIp: '198.51.100.7', browserId: 'browser-aaaaaaaaaaaaaaa' }, { now: at(11), key })).toEqual({ kind: 'accepted' })
    // 30 minutes later, the same browser counts again.
    expect(await report('198.51.100.7', 'browser-aaaaaaaaaaaaaaa', 30)).toEqual({ kind: 'accepted' })
    // IPv6: the whole /64 is one network.
    expect(await report('2001:db8:1:2::1', 'browser-ccccccccccccccc', 31)).toEqual({ kind: 'accepted' })
    expect(await report('2001:db8:1:2:ffff::9', 'browser-ddddddddddddddd', 32)).toEqual({ kind: 'already-reported' })
  })

  it('stores keyed hashes only: no address, no browser id', async () => {
    const rows = await db.problemReport.findMany()
    const text = JSON.stringify(rows)
    for (const secret of ['198.51.100', '203.0.113', '2001:db8', 'browser-aaaa']) expect(text).not.toContain(secret)
    expect(new Set(rows.map((r) => r.networkKey)).size).toBe(2)
  })

  it('refuses a component of another vendor, accepts its own, and 404s an unknown vendor', async () => {
    const report = (publicId: string, ip: string) => submitProblemReport({ vendorSlug: 'acme', componentId: publicId, clientIp: ip, browserId: `b-${ip.replaceAll('.', '')}-xxxxxxxxxxx`.slice(0, 22) }, { now: at(40), key })
    expect(await report(otherVendorsComponentPublicId, '192.0.2.1')).toEqual({ kind: 'unknown-component' })
    expect(await report('no-such-component', '192.0.2.1')).toEqual({ kind: 'unknown-component' })
    expect(await report(componentPublicId, '192.0.2.1')).toEqual({ kind: 'accepted' })
    expect(await db.problemReport.count({ where: { componentId } })).toBe(1)
    expect(await submitProblemReport({ vendorSlug: 'nope', clientIp: '192.0.2.1', browserId: 'x' }, { now: at(40), key })).toEqual({ kind: 'unknown-vendor' })
  })

  it('limits requests per network, and says when to come back', async () => {
    const now = at(24 * 60)
    const outcomes = []
    for (let i = 0; i <= REPORT_REQUESTS_PER_NETWORK.max; i++) outcomes.push(await submitProblemReport({ vendorSlug: 'acme', clientIp: `100.64.0.${i}`, browserId: `limit-${String(i).padStart(16, '0')}` }, { now, key }))
    expect(outcomes.slice(0, -1).every((o) => o.kind !== 'rate-limited')).toBe(true)
    const last = outcomes.at(-1)
    expect(last?.kind).toBe('rate-limited')
    if (last?.kind === 'rate-limited') expect(last.retryAfterSeconds).toBeGreaterThan(0)
  })

  it('two reports racing from one network store one', async () => {
    const now = at(3 * 24 * 60)
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => submitProblemReport({ vendorSlug: 'other', clientIp: '100.65.0.1', browserId: `race-${String(i).padStart(17, '0')}` }, { now, key })),
    )
    expect(results.filter((r) => r.kind === 'accepted')).toHaveLength(1)
  })
})

describe('POST /api/v1/vendors/{slug}/reports', () => {
  const post = (slug: string, body?: string, cookie?: string) =>
    POST(new Request(`http://localhost/api/v1/vendors/${slug}/reports`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(cookie && { cookie }) } }), {
      params: Promise.resolve({ slug }),
    })

  it('answers 201, then 200 for the same browser, and sets a signed, httpOnly cookie', async () => {
    await db.problemReport.deleteMany()
    const first = await post('acme')
    expect(first.status).toBe(201)
    expect(await first.json()).toEqual({ result: 'accepted' })
    const setCookie = first.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(new RegExp(`^${REPORTER_COOKIE}=[\\w-]{22}\\.[\\w-]+; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax`))
    const cookie = setCookie.split(';')[0]!
    const again = await post('acme', '{}', cookie)
    expect(again.status).toBe(200)
    expect((await again.json()).result).toBe('already-reported')
    // A valid cookie is not re-issued.
    expect(again.headers.get('set-cookie')).toBeNull()
  })

  it('answers 404, 422 and 400 in the API error style', async () => {
    const missing = await post('nope')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: 'not_found' })
    const bad = await post('other', JSON.stringify({ component: componentPublicId }))
    expect(bad.status).toBe(422)
    expect(await bad.json()).toMatchObject({ error: 'unknown_component' })
    expect((await post('acme', 'not json')).status).toBe(400)
    expect((await post('acme', JSON.stringify({ component: 5 }))).status).toBe(400)
    const good = await post('acme', JSON.stringify({ component: componentPublicId }))
    expect([200, 201]).toContain(good.status)
  })
})
