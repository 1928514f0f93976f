import { describe, expect, it } from 'vitest'
import {
  INCIDENT_OVER_STATUSES,
  isIncidentOver,
  isIncidentOverStatus,
  isMaintenanceRunning,
  isMaintenanceUpcoming,
  OPEN_MAINTENANCE_STATUSES,
  RUNNING_MAINTENANCE_STATUSES,
  UPCOMING_MAINTENANCE_STATUSES,
} from './lifecycle'
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES } from './statuses'

const at = new Date('2026-03-01T10:00:00Z')

describe('isIncidentOver', () => {
  it('is over when upstream says resolved or postmortem, and only then by status alone', () => {
    expect(INCIDENT_STATUSES.filter(isIncidentOverStatus)).toEqual([...INCIDENT_OVER_STATUSES])
    expect(isIncidentOver({ status: 'postmortem', resolvedAt: null })).toBe(true)
    expect(isIncidentOver({ status: 'monitoring', resolvedAt: null })).toBe(false)
  })

  it('is over once we recorded an end, whatever the last status said', () => {
    expect(isIncidentOver({ status: 'monitoring', resolvedAt: at })).toBe(true)
  })
})

describe('maintenance windows', () => {
  it('are open when upcoming or running, and every status is one of open, completed or cancelled', () => {
    expect(new Set(OPEN_MAINTENANCE_STATUSES)).toEqual(new Set([...UPCOMING_MAINTENANCE_STATUSES, ...RUNNING_MAINTENANCE_STATUSES]))
    expect(MAINTENANCE_STATUSES.filter((s) => !(OPEN_MAINTENANCE_STATUSES as readonly string[]).includes(s))).toEqual(['completed', 'cancelled'])
    expect(MAINTENANCE_STATUSES.filter(isMaintenanceRunning)).toEqual(['in_progress', 'verifying'])
    expect(MAINTENANCE_STATUSES.filter(isMaintenanceUpcoming)).toEqual(['scheduled', 'unknown'])
  })
})
