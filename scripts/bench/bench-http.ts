// The refresh benchmark's HTTP client: the production one, with status.io's API (one https host in
// production) sent to the farm's stand-in. It notes when the last request that timed out was sent:
// a cycle cannot end before that moment plus the timeout, which is what a hanging vendor costs.
import { performance } from 'node:perf_hooks'
import type { HttpClient } from '@/lib/ingest/http'

const STATUSIO_API = 'https://api.status.io/1.0/status/'

export function benchHttp(client: HttpClient, statusioBase: string) {
  let lastTimeoutSentAt = 0
  const http: HttpClient = {
    fetchText: async (u, o) => {
      const sentAt = performance.now()
      try {
        return await client.fetchText(u.startsWith(STATUSIO_API) ? statusioBase + u.slice(STATUSIO_API.length) : u, o)
      } catch (e) {
        if ((e as { kind?: unknown }).kind === 'timeout') lastTimeoutSentAt = Math.max(lastTimeoutSentAt, sentAt)
        throw e
      }
    },
    close: () => client.close(),
  }
  return { http, lastTimeoutSentAt: () => lastTimeoutSentAt }
}
