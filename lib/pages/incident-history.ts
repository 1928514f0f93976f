// One page of a vendor's incident history, loaded in one call.
import { type IncidentHistoryPage, listIncidentHistory } from '@/lib/data/vendor-history'
import { findVendorBySlug } from '@/lib/data/vendors'
import { parsePageParam } from '@/lib/validation/url-input'

export const INCIDENT_HISTORY_PAGE_SIZE = 20

/** Null for an unknown vendor or a `?page=` that names no page (the page answers 404). */
export async function loadIncidentHistory(slug: string, pageParam: string | string[] | undefined): Promise<{ vendor: { name: string }; page: number; history: IncidentHistoryPage } | null> {
  const vendor = await findVendorBySlug(slug)
  if (!vendor) return null
  // `?page=1e300` is an integer to Number(); only plain digits within MAX_PAGE name a page.
  const page = parsePageParam(pageParam)
  if (page === null) return null
  return { vendor, page, history: await listIncidentHistory(vendor.id, page, INCIDENT_HISTORY_PAGE_SIZE) }
}
