import { describe, expect, it } from 'vitest'
import {
  INCIDENT_OVER_STATUSES,
  isIncidentOver,
  isIncidentOverStatus,
  isMaintenanceRunning,
  isMaintenanceUpcoming,
  isOpenMaintenanceAt,
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

describe('isOpenMaintenanceAt', () => {
  const now = new Date('2026-12-07T09:00:00Z')
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000)
  const window = (status: (typeof MAINTENANCE_STATUSES)[number], scheduledFor: Date, scheduledUntil: Date | null) => ({ status, scheduledFor, scheduledUntil })

  it('keeps a window until its announced end, and never a finished one', () => {
    expect(isOpenMaintenanceAt(window('scheduled', hours(2), hours(4)), now)).toBe(true)
    expect(isOpenMaintenanceAt(window('in_progress', hours(-1), hours(0)), now)).toBe(true) // ends right now
    expect(isOpenMaintenanceAt(window('in_progress', hours(-2), hours(-0.01)), now)).toBe(false) // ended while a copy was kept
    expect(isOpenMaintenanceAt(window('completed', hours(-1), hours(2)), now)).toBe(false)
    expect(isOpenMaintenanceAt(window('cancelled', hours(2), hours(4)), now)).toBe(false)
  })

  it('keeps a window without an end while it runs, or for a day after its start', () => {
    expect(isOpenMaintenanceAt(window('verifying', hours(-72), null), now)).toBe(true)
    expect(isOpenMaintenanceAt(window('scheduled', hours(-23), null), now)).toBe(true)
    expect(isOpenMaintenanceAt(window('scheduled', hours(-25), null), now)).toBe(false) // a leftover
  })
})
