// The vendor page's history, end to end over the database (fidelity #8): the strip agrees with the
// incident history for days before our first read, and no uptime percentage after minutes of it.
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { loadVendorPage } from './vendor-page'

// A fixed clock: nothing here depends on today's date.
const now = new Date('2026-11-24T12:00:00Z')
const firstRead = new Date('2026-11-24T11:50:00Z')
const INTERVAL = 5 * 60_000

beforeAll(async () => {
  await db.vendor.create({
    data: {
      slug: 'acme',
      name: 'Acme',
      statusPageUrl: 'https://status.acme.example',
      status: 'operational',
      source: { create: { platform: 'statuspage', apiUrl: 'https://status.acme.example/api/v2/summary.json', baselineAt: firstRead, lastCheckedAt: firstRead, lastSuccessAt: firstRead } },
      components: {
        create: {
          externalId: 'api',
          name: 'API',
          status: 'operational',
          statusChangedAt: firstRead,
          history: { create: { toStatus: 'operational', changedAt: firstRead } },
        },
      },
      incidents: {
        // Read with the vendor's incident list on our first read, ten days after it was over.
        create: {
          externalId: 'old',
          title: 'Database down',
          status: 'resolved',
          impact: 'critical',
          startedAt: new Date('2026-11-14T08:00:00Z'),
          resolvedAt: new Date('2026-11-14T09:30:00Z'),
          baseline: true,
        },
      },
    },
  })
})

describe('loadVendorPage history', () => {
  it('shows the vendor’s own incident on its day before our first read, and says where it comes from', async () => {
    const page = await loadVendorPage('acme', now, INTERVAL)
    expect(page?.known).toBe(true)
    const byDate = Object.fromEntries(page!.timeline.map((d) => [d.date, d]))
    expect(byDate['2026-11-14']).toMatchObject({ state: 'critical', source: 'vendor_history' })
    expect(byDate['2026-11-14']?.incidents.map((i) => i.title)).toEqual(['Database down'])
    expect(byDate['2026-11-13']).toMatchObject({ state: 'no_data', source: 'vendor_history' })
    expect(byDate['2026-11-24']).toMatchObject({ state: 'clear', source: 'observed' })
    expect(page!.incidentHistory?.incidents.map((i) => i.title)).toEqual(['Database down'])
  })

  it('has no uptime percentage ten minutes after the first read, only when observation began', async () => {
    const page = await loadVendorPage('acme', now, INTERVAL)
    const [uptime] = [...page!.uptime.values()]
    expect(uptime).toMatchObject({ uptimePercent: null, observedSince: firstRead, coversWindow: false })
  })
})

describe('loadVendorPage incidents, one read for the reliability history and the 30-day strip', () => {
  it('counts an incident over before the strip only in the longer windows, and shows open and recent ones on the strip', async () => {
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: 'acme' } })
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
    await db.incident.createMany({
      data: [
        // Resolved 60 days before `now`: in the 90- and 365-day windows, not on the 30-day strip.
        { vendorId: vendor.id, externalId: 'sixty', title: 'Old outage', status: 'resolved', impact: 'major', startedAt: day('2026-09-25'), resolvedAt: new Date('2026-09-25T02:00:00Z') },
        // Started 100 days ago and still open: every day of the strip, and every window.
        { vendorId: vendor.id, externalId: 'open', title: 'Long degradation', status: 'monitoring', impact: 'minor', startedAt: day('2026-08-16') },
      ],
    })
    const page = await loadVendorPage('acme', now, INTERVAL)
    const counts = Object.fromEntries(page!.reliability!.windows.map((w) => [w.days, w.incidents]))
    expect(counts).toEqual({ 30: 2, 90: 3, 365: 3 })
    const onStrip = new Set(page!.timeline.flatMap((d) => d.incidents.map((i) => i.title)))
    expect([...onStrip].sort()).toEqual(['Database down', 'Long degradation'])
    expect(page!.timeline.every((d) => d.incidents.some((i) => i.title === 'Long degradation'))).toBe(true)
    await db.incident.deleteMany({ where: { vendorId: vendor.id, externalId: { in: ['sixty', 'open'] } } })
  })
})

describe('loadVendorPage components', () => {
  it('never lists a Statuspage "Visit … for more information" pointer as a component', async () => {
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug: 'acme' } })
    await db.component.create({
      data: { vendorId: vendor.id, externalId: 'pointer', name: 'Visit www.acme-status.example for more information', status: 'operational', statusChangedAt: firstRead, position: 99 },
    })
    const page = await loadVendorPage('acme', now, INTERVAL)
    expect(page!.vendor.components.map((c) => c.name)).toEqual(['API'])
  })
})
