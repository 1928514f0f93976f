// /api/health tells the truth (issue 11, finding 8): `degraded` with reasons when vendors fail for
// network reasons, alerts are stuck or cycles are overdue; status only for anonymous callers,
// details for the cron secret or the operator token. The report is built with an injected clock;
// the route (real clock) is only asked about shape and access.
import { beforeEach, describe, expect, it } from 'vitest'

// Set before any app module loads: lib/env.ts reads the environment once.
process.env.CRON_SECRET = 'health-test-cron-secret'
process.env.OPERATOR_TOKEN = 'health-test-operator-token'
const { createTestUser, createTestVendors } = await import('@/lib/testing/accounts')
const { GET } = await import('./route')
const { buildHealthReport } = await import('@/lib/data/health')
const { db } = await import('@/lib/db/client')
const { resetDatabase } = await import('@/lib/testing/reset-database')

const MINUTE = 60_000
const now = new Date('2026-02-10T09:30:00Z')
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE)
const get = (authorization?: string) => GET(new Request('http://localhost/api/health', { headers: authorization ? { authorization } : {} }))

let slugs: string[]
// Every test starts from four monitored vendors, all answering, and one refresh cycle a minute
// before \`now\`; each test changes only what it is about, so it runs alone (\`-t\`) or in any order.
beforeEach(async () => {
  await resetDatabase()
  slugs = await createTestVendors('net', 4)
  await db.refreshRun.create({ data: { trigger: 'scheduler', owner: 't', startedAt: ago(1), finishedAt: ago(1) } })
})

async function failForNetwork(count: number) {
  await db.statusSource.updateMany({ data: { consecutiveFailures: 0, lastErrorKind: null } })
  await db.statusSource.updateMany({ where: { vendor: { slug: { in: slugs.slice(0, count) } } }, data: { consecutiveFailures: 3, lastErrorKind: 'network', lastError: 'getaddrinfo ENOTFOUND' } })
}

describe('buildHealthReport', () => {
  it('is ok while cycles run and vendors answer', async () => {
    await failForNetwork(1)
    const report = await buildHealthReport(now, MINUTE)
    expect(report).toMatchObject({ status: 'ok', reasons: [], vendors: { monitored: 4, failing: 1, failingNetwork: 1 } })
  })

  it('is degraded when most monitored vendors fail for network reasons', async () => {
    await failForNetwork(4)
    const report = await buildHealthReport(now, MINUTE)
    expect(report.status).toBe('degraded')
    expect(report.reasons).toEqual([expect.stringMatching(/4 of 4 monitored vendors fail for network reasons/)])
    await failForNetwork(0)
  })

  it('is degraded when the last cycle is overdue', async () => {
    const report = await buildHealthReport(new Date(now.getTime() + 30 * MINUTE), MINUTE)
    expect(report).toMatchObject({ status: 'degraded', reasons: [expect.stringMatching(/last refresh cycle started 31 minutes ago/)] })
  })

  it('is degraded when instant alerts stay unsent long past due', async () => {
    const user = await createTestUser('stuck@example.com')
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: slugs[0] } })
    const event = await db.changeEvent.create({ data: { vendorId: vendor.id, kind: 'incident_opened', dedupeKey: 'stuck-1', occurredAt: ago(60), createdAt: ago(60) } })
    const delivery = await db.delivery.create({ data: { userId: user.id, eventId: event.id, mode: 'instant', status: 'sending', nextAttemptAt: ago(45), createdAt: ago(45), lockedUntil: ago(1) } })
    const report = await buildHealthReport(now, MINUTE)
    expect(report).toMatchObject({ status: 'degraded', reasons: [expect.stringMatching(/1 alert\(s\) still unsent/)], outbox: { stuck: 1 } })
    // Due ten minutes ago is a queue, not a jam.
    await db.delivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: ago(10) } })
    expect((await buildHealthReport(now, MINUTE)).status).toBe('ok')
    await db.delivery.delete({ where: { id: delivery.id } })
  })
})

describe('GET /api/health access', () => {
  it('tells anonymous callers the status only', async () => {
    const res = await get()
    expect(res.status).toBe(200)
    expect(Object.keys(await res.json())).toEqual(['status'])
    expect(Object.keys(await (await get('Bearer wrong-token')).json())).toEqual(['status'])
  })

  it('gives the details to the cron secret and to the operator token', async () => {
    for (const token of ['health-test-cron-secret', 'health-test-operator-token']) {
      const body = await (await get(`Bearer ${token}`)).json()
      expect(body).toMatchObject({ status: expect.any(String), reasons: expect.any(Array), database: { reachable: true }, vendors: { monitored: 4 }, outbox: { stuck: 0 } })
      expect(body.memory.rssMb).toBeGreaterThan(0)
      expect(body.versions.node).toMatch(/^v\d+/)
    }
  })

  it('answers degraded with 200: the app still serves its pages', async () => {
    await failForNetwork(4)
    const res = await get()
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'degraded' })
    await failForNetwork(0)
  })
})
