// The HTTP client detection uses when a user adds a page by URL: the same guarded client as the
// refresh (private and loopback addresses refused unless INGEST_ALLOW_PRIVATE_NETWORK, which only
// tests set), with a tighter per-request budget because a person is waiting.
import { env } from '@/lib/env'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, type HttpClient } from '@/lib/ingest/http'

const globalForDetection = globalThis as unknown as { __vendorwatchDetectionHttp?: HttpClient }

export function detectionHttpClient(): HttpClient {
  return (globalForDetection.__vendorwatchDetectionHttp ??= createHttpClient({
    ...DEFAULT_HTTP_OPTIONS,
    timeoutMs: 6_000,
    connectTimeoutMs: 4_000,
    maxBytes: 2 * 1024 * 1024,
    allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK,
  }))
}
