// An OutboundHttp over fetch with no address guard, for sender tests against local stand-ins only.
// The app sends through lib/channels/outbound-http.ts (the SSRF guard); senders take either.
import type { OutboundHttp } from '@/lib/channels/types'

export const plainOutboundHttp: OutboundHttp = async (request) => {
  const started = performance.now()
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: request.signal })
  const text = await response.text()
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => (headers[key] = value))
  return { status: response.status, headers, text, latencyMs: Math.round(performance.now() - started) }
}
