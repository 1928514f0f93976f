import { describe, expect, it } from 'vitest'
import { IncidentImpact, IncidentStatus, MaintenanceStatus, ServiceStatus } from '@/lib/db/generated/enums'
import { INCIDENT_IMPACTS, INCIDENT_STATUSES, MAINTENANCE_STATUSES, SERVICE_STATUSES, worstStatus } from './statuses'

describe('status enums', () => {
  it('match the database enums exactly, so every normalized value can be stored', () => {
    expect([...SERVICE_STATUSES]).toEqual(Object.values(ServiceStatus))
    expect([...INCIDENT_STATUSES]).toEqual(Object.values(IncidentStatus))
    expect([...INCIDENT_IMPACTS]).toEqual(Object.values(IncidentImpact))
    expect([...MAINTENANCE_STATUSES]).toEqual(Object.values(MaintenanceStatus))
  })
})

describe('worstStatus', () => {
  it('ranks outages above unknown, and unknown above operational', () => {
    expect(worstStatus(['operational', 'degraded', 'major_outage'])).toBe('major_outage')
    expect(worstStatus(['operational', 'unknown'])).toBe('unknown')
    expect(worstStatus(['maintenance', 'operational'])).toBe('maintenance')
    expect(worstStatus([])).toBeNull()
  })
})
