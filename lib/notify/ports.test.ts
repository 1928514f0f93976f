// The notifier's steps against in-memory ports: what each step asks of the data layer, without a
// database (the same steps run on real databases in notify.int.test.ts).
import { describe, expect, it } from 'vitest'
import type { AlertingWatchLimits, AlertWatcher, FanoutBatch, NewDelivery, PendingEvent, PendingEventFacts, WatcherPage } from '@/lib/data/outbox'
import { PRO_SUBSCRIPTION_STATUSES } from '@/lib/plans/plans'
import { fanOutEvents, WATCHERS_PER_PAGE } from './fanout'
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
  const event = (id: string, baseline: boolean): PendingEvent => ({ id, vendorId: 'v1', kind: 'incident_opened', baseline, data: { firstSeenOver: false }, incidentId: 'i1', maintenanceId: null, componentId: null, possibleOutageId: null })
  const facts = (e: PendingEvent): PendingEventFacts => ({
    kind: e.kind,
    baseline: e.baseline,
    data: e.data,
    incident: { impact: 'minor', startedAt: now, firstSeenAt: now, componentIds: [] },
    maintenance: null,
    componentId: null,
    possibleOutage: null,
  })
  const watcher = (userId: string, minImpact: AlertWatcher['minImpact']): AlertWatcher => ({ userId, allComponents: true, minImpact, maintenanceAlerts: true, componentAlerts: false, possibleOutageAlerts: false, deliveryMode: 'instant', componentIds: null })

  it('writes a delivery per interested watcher of news, none for baseline events, and passes the paid statuses to the watcher query', async () => {
    const inserted: NewDelivery[] = []
    const limitsSeen: AlertingWatchLimits[] = []
    async function fanOutPendingEvents<T>(size: number, at: Date, fanOut: (batch: FanoutBatch) => Promise<T>): Promise<{ events: number; result: T }> {
      expect(at).toBe(now)
      const events = [event('e1', false), event('e2', true)].slice(0, size)
      const batch: FanoutBatch = {
        events,
        factsOf: async (e) => facts(e),
        watchersOf: async () => {
          throw new Error('fan-out reads watchers page by page')
        },
        watcherPage: async (_vendorId, limits, after, size) => {
          limitsSeen.push(limits)
          expect([after, size]).toEqual([null, WATCHERS_PER_PAGE])
          return { watchers: [watcher('u1', 'any'), watcher('u2', 'major')], next: null }
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

  it('reads the watchers of a large fan-out page by page and writes each page before reading the next', async () => {
    const users = Array.from({ length: 2 * WATCHERS_PER_PAGE + 17 }, (_, i) => `u${String(i).padStart(5, '0')}`)
    const log: string[] = []
    let insertedTotal = 0
    let largestInsert = 0
    async function fanOutPendingEvents<T>(size: number, _at: Date, fanOut: (batch: FanoutBatch) => Promise<T>): Promise<{ events: number; result: T }> {
      const events = [event('e1', false)].slice(0, size)
      const batch: FanoutBatch = {
        events,
        factsOf: async (e) => facts(e),
        watchersOf: async () => {
          throw new Error('fan-out reads watchers page by page')
        },
        watcherPage: async (_vendorId, _limits, after, pageSize): Promise<WatcherPage> => {
          const start = after === null ? 0 : users.indexOf(after) + 1
          const ids = users.slice(start, start + pageSize)
          log.push(`read ${start}`)
          // Every third watch is muted: a page may hold fewer watchers than it read and not be the last.
          const watchers = ids.filter((_, i) => (start + i) % 3 !== 0).map((id) => watcher(id, 'any'))
          return { watchers, next: ids.length < pageSize ? null : (ids[ids.length - 1] as string) }
        },
        insertDeliveries: async (rows) => {
          log.push('write')
          insertedTotal += rows.length
          largestInsert = Math.max(largestInsert, rows.length)
          return rows.length
        },
      }
      return { events: events.length, result: await fanOut(batch) }
    }
    const expected = users.filter((_, i) => i % 3 !== 0).length
    expect(await fanOutEvents({ outbox: { fanOutPendingEvents } }, { free: 10, paid: 200 }, now)).toEqual({ events: 1, deliveries: expected })
    expect(insertedTotal).toBe(expected)
    expect(largestInsert).toBeLessThanOrEqual(WATCHERS_PER_PAGE)
    expect(log).toEqual([`read 0`, 'write', `read ${WATCHERS_PER_PAGE}`, 'write', `read ${2 * WATCHERS_PER_PAGE}`, 'write'])
  })
})
