// GET /api/v1/vendors/{slug}/reliability: the vendor's reliability history as documented JSON.
// Durations are milliseconds; months are UTC `YYYY-MM`.
import { findVendorForReliability } from '@/lib/data/reliability'
import { loadReliability } from '@/lib/pages/reliability'
import type { Reliability } from '@/lib/status/reliability'

const iso = (d: Date | null) => d?.toISOString() ?? null

export function reliabilityWindowJson(r: Reliability) {
  return {
    days: r.days,
    from: iso(r.from),
    to: iso(r.to),
    incidents: r.incidents,
    ongoing: r.ongoing,
    totalDurationMs: r.totalMs,
    medianDurationMs: r.medianMs,
    /** Incidents that started before our first read: from the vendor's own list, which may be incomplete. */
    fromVendorHistory: r.fromVendorHistory,
    byImpact: r.byImpact.map((s) => ({ impact: s.impact, incidents: s.incidents, totalDurationMs: s.totalMs, medianDurationMs: s.medianMs })),
    components: r.components.map((c) => ({ id: c.id, name: c.name, incidents: c.incidents, totalDurationMs: c.totalMs })),
    /** source: observed (we read the page all month) | partial (our first read fell in it) | history (before our first read) */
    months: r.months,
  }
}

export async function vendorReliabilityJson(slug: string, now: Date) {
  const vendor = await findVendorForReliability(slug)
  if (!vendor) return null
  const history = await loadReliability(vendor, now)
  return { vendor: { slug: vendor.slug, name: vendor.name }, observedSince: iso(history.observedSince), windows: history.windows.map(reliabilityWindowJson) }
}
