// Limits requests in flight per hostname, so ~2,000 vendors never hammer one shared host (many
// Statuspage pages sit behind the same CDN names). Idle hosts leave the map: it never grows forever.

export interface HostLimiter {
  /** Resolves with the slot's release function, or with null if `signal` fires while waiting. */
  acquire(host: string, signal?: AbortSignal): Promise<(() => void) | null>
  /** Hosts with anything in flight or queued; entries are removed when both reach zero. */
  size(): number
}

/** Per-host semaphore: at most `limit` holders per host; the rest wait in order. */
export function createHostLimiter(limit: number): HostLimiter {
  const hosts = new Map<string, { active: number; waiting: Array<() => void> }>()
  return {
    acquire(host, signal) {
      let entry = hosts.get(host)
      if (!entry) {
        entry = { active: 0, waiting: [] }
        hosts.set(host, entry)
      }
      const slot = entry
      let released = false
      const release = () => {
        if (released) return
        released = true
        const next = slot.waiting.shift()
        if (next) return next() // the slot passes straight to the next waiter
        slot.active -= 1
        if (slot.active === 0) hosts.delete(host)
      }
      if (slot.active < limit) {
        slot.active += 1
        return Promise.resolve(release)
      }
      return new Promise((resolve) => {
        if (signal?.aborted) return resolve(null)
        const grant = () => {
          signal?.removeEventListener('abort', onAbort)
          resolve(release)
        }
        const onAbort = () => {
          const i = slot.waiting.indexOf(grant)
          if (i >= 0) slot.waiting.splice(i, 1)
          resolve(null)
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        slot.waiting.push(grant)
      })
    },
    size: () => hosts.size,
  }
}
