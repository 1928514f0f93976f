// How many vendors of a refresh cycle may use the database at once, and when they may start.
//
// The embedded database (PGlite) runs every query synchronously on the event loop, one at a time.
// With 48 workers each holding a query in its queue, a finished query hands the lock to the next
// one through a promise, so the whole queue ran in one microtask drain: the loop did not poll
// sockets or fire timers for 0.4-3 s at a stretch (measured), and a sign-in's queries waited
// behind all 48. A gate with one slot keeps at most one vendor's queries ahead of a request's,
// and every grant starts on a fresh macrotask (setImmediate), so between two vendors' database
// work the loop always accepts connections, reads requests and fires timers.
import { setImmediate as nextTurn } from 'node:timers/promises'

export type DbGate = <T>(work: () => Promise<T>) => Promise<T>

export function createDbGate(slots: number): DbGate {
  if (!Number.isInteger(slots) || slots < 1) throw new Error(`slots must be a positive integer, got ${slots}`)
  let free = slots
  const waiting: (() => void)[] = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else free++
  }
  return async (work) => {
    if (free > 0) free--
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      await nextTurn()
      return await work()
    } finally {
      release()
    }
  }
}
