// The notifier's steps against in-memory ports: what each step asks of the data layer, without a
// database (the same steps run on real databases in notify.int.test.ts).
import { describe, expect, it } from 'vitest'
import type { AlertingWatchLimits, AlertWatcher, FanoutBatch, NewDelivery, PendingEvent, PendingEventFacts } from '@/lib/data/outbox'
import { PRO_SUBSCRIPTION_STATUSES } from '@/lib/plans/plans'
import { fanOutEvents } from './fanout'
import type { FanoutData, RemindersData } from './ports'
import { recordMaintenanceReminders } from './reminders'

const now = new Date('2030-05-01T10:00:00Z')

describe('maintenance reminders through their port', () => {
  it('asks for maintenances starting within the lead time and keys each reminder by maintenance and start', async () => {
    const asked: [Date, Date][] = []
    const recorded: unknown[] = []
    const port: RemindersData = {
      outbox: {
        maintenancesStarting: async (after, until) => {
          asked.push([after, until])
          return [{ id: 'm1', vendorId: 'v1', scheduledFor: new Date('2030-05-01T10:30:00Z') }]
        },
        addMaintenanceReminders: async (events) => {
          recorded.push(...events)
          return events.length
        },
      },
    }
    expect(await recordMaintenanceReminders(port, now, 60 * 60_000)).toBe(1)
    expect(asked).toEqual([[now, new Date('2030-05-01T11:00:00Z')]])
    expect(recorded).toEqual([
      { vendorId: 'v1', maintenanceId: 'm1', dedupeKey: 'maintenance_reminder:m1:2030-05-01T10:30:00.000Z', occurredAt: now, data: { startsAt: '2030-05-01T10:30:00.000Z' } },
    ])
  })
})

describe('fan-out through its port', () => {
  const event = (id: string, baseline: boolean): PendingEvent => ({ id, vendorId: 'v1', kind: 'incident_opened', baseline, data: { firstSeenOver: false }, incidentId: 'i1', maintenanceId: null, componentId: null })
  const facts = (e: PendingEvent): PendingEventFacts => ({
    kind: e.kind,
    baseline: e.baseline,
    data: e.data,
    incident: { impact: 'minor', startedAt: now, firstSeenAt: now, componentIds: [] },
    maintenance: null,
    componentId: null,
  })
  const watcher = (userId: string, minImpact: AlertWatcher['minImpact']): AlertWatcher => ({ userId, allComponents: true, minImpact, maintenanceAlerts: true, componentAlerts: false, deliveryMode: 'instant', componentIds: null })

  it('writes a delivery per interested watcher of news, none for baseline events, and passes the paid statuses to the watcher query', async () => {
    const inserted: NewDelivery[] = []
    const limitsSeen: AlertingWatchLimits[] = []
    async function fanOutPendingEvents<T>(size: number, at: Date, fanOut: (batch: FanoutBatch) => Promise<T>): Promise<{ events: number; result: T }> {
      expect(at).toBe(now)
      const events = [event('e1', false), event('e2', true)].slice(0, size)
      const batch: FanoutBatch = {
        events,
        factsOf: async (e) => facts(e),
        watchersOf: async (_vendorId, limits) => {
          limitsSeen.push(limits)
          return [watcher('u1', 'any'), watcher('u2', 'major')]
        },
        insertDeliveries: async (rows) => {
          inserted.push(...rows)
          return rows.length
        },
      }
      return { events: events.length, result: await fanOut(batch) }
    }
    const port: FanoutData = { outbox: { fanOutPendingEvents } }
    expect(await fanOutEvents(port, { free: 10, paid: 200 }, now)).toEqual({ events: 2, deliveries: 1 })
    expect(inserted).toEqual([{ userId: 'u1', eventId: 'e1', mode: 'instant', nextAttemptAt: now, createdAt: now }])
    expect(limitsSeen).toEqual([{ free: 10, paid: 200, paidStatuses: PRO_SUBSCRIPTION_STATUSES }])
  })
})
