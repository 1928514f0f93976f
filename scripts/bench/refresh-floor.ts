// The floor a refresh cycle is measured against: a plain fetch of the same vendors' URLs with the
// same HTTP client (same per-host limit, timeouts, hung vendors and all) at the same concurrency,
// with no claim, no parse and no write. Each request carries the validators the refresh would send
// (from the vendor's stored httpCache), so the floor gets the same 304s the cycle gets. Whatever a
// cycle takes beyond it is the refresh's own cost.
import { performance } from 'node:perf_hooks'
import type { HttpClient } from '@/lib/ingest/http'
import { sourceFor } from '@/lib/ingest/sources'
import type { Endpoint } from '@/lib/ingest/sources/types'
import type { Platform } from '@/lib/db/generated/enums'
import { withPg } from './measure'

/** The endpoints of every vendor due now, as the refresh would ask for them (settings and validators included). */
export type FloorRequest = Endpoint & { validators?: { etag?: string; lastModified?: string } }

export async function vendorEndpoints(url: string): Promise<FloorRequest[][]> {
  const rows = await withPg(url, async (c) =>
    (
      await c.query<{ platform: Platform; apiUrl: string | null; statusPageUrl: string; settings: Record<string, unknown> | null; httpCache: Record<string, { etag?: string; lastModified?: string }> | null }>(
        `SELECT s.platform::text AS platform, s."apiUrl", v."statusPageUrl", s.settings, s."httpCache" FROM "StatusSource" s JOIN "Vendor" v ON v.id = s."vendorId"
          WHERE s.enabled AND s.platform <> 'unknown' AND (s."apiUrl" IS NOT NULL OR s.platform = 'statusio')
            AND (s."nextCheckAt" IS NULL OR s."nextCheckAt" <= now()) AND s."leaseOwner" IS NULL`,
      )
    ).rows,
  )
  return rows.flatMap((r) => {
    const source = sourceFor(r.platform)
    if (!source) return []
    return [
      source.endpoints({ apiUrl: r.apiUrl, statusPageUrl: r.statusPageUrl, settings: r.settings ?? {} }).map((e) => {
        const cached = r.httpCache?.[e.url]
        return cached?.etag || cached?.lastModified ? { ...e, validators: { etag: cached.etag, lastModified: cached.lastModified } } : e
      }),
    ]
  })
}

/** Fetches every vendor's endpoints (a vendor's in parallel, as the refresh does), `concurrency` vendors at a time. */
export async function measureFloor(http: HttpClient, vendors: FloorRequest[][], concurrency: number): Promise<{ ms: number; requests: number; failed: number }> {
  let next = 0
  let requests = 0
  let failed = 0
  const started = performance.now()
  const worker = async () => {
    for (let i = next++; i < vendors.length; i = next++) {
      const results = await Promise.allSettled((vendors[i] ?? []).map((e) => http.fetchText(e.url, { ...(e.accept && { accept: e.accept }), ...(e.validators && { validators: e.validators }) })))
      requests += results.length
      failed += results.filter((r) => r.status === 'rejected').length
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { ms: performance.now() - started, requests, failed }
}
