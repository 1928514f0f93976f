import { describe, expect, it } from 'vitest'
import { isUnderMaintenance, statusHeadline } from './headline'

describe('statusHeadline', () => {
  it('never calls a page that says "Service Under Maintenance" an outage without naming the maintenance', () => {
    // Vercel: the page says maintenance, the stored status was raised to partial_outage.
    const headline = statusHeadline({ status: 'partial_outage', statusText: 'Service Under Maintenance', maintenances: [] })
    expect(headline).toBe('Under maintenance, with a partial outage')
    expect(headline).toMatch(/^Under maintenance/)
  })

  it.each(['degraded', 'partial_outage', 'major_outage'] as const)('a running maintenance window leads the headline over %s', (status) => {
    expect(statusHeadline({ status, statusText: null, maintenances: [{ status: 'in_progress' }] })).toMatch(/^Under maintenance, with /)
  })

  it('says maintenance for the maintenance status', () => {
    expect(statusHeadline({ status: 'maintenance', statusText: 'Service Under Maintenance', maintenances: [] })).toBe('Maintenance in progress')
  })

  it('is the plain status otherwise: scheduled or finished windows do not count', () => {
    expect(statusHeadline({ status: 'partial_outage', statusText: 'Partial System Outage', maintenances: [{ status: 'scheduled' }, { status: 'completed' }] })).toBe('Partial outage')
    expect(statusHeadline({ status: 'operational', statusText: null, maintenances: [] })).toBe('All systems operational')
  })
})

describe('isUnderMaintenance', () => {
  it('reads the page’s own words case-insensitively', () => {
    expect(isUnderMaintenance({ statusText: 'service under MAINTENANCE', maintenances: [] })).toBe(true)
    expect(isUnderMaintenance({ statusText: 'All Systems Operational', maintenances: [] })).toBe(false)
  })
})
