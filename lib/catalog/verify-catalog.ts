// `npm run catalog:verify`: runs platform detection over the catalog and records, per vendor, the
// platform and API URL its page really serves, with `verifiedAt` and the evidence. Bounded
// concurrency; resumable: each outcome is appended to a state file as it lands, and a later run
// skips the vendors that file already holds (until `restart`), so a run cut short (Ctrl-C, a lost
// connection) carries on where it stopped. A vendor whose page cannot be read keeps its label: a
// page that is down today is no evidence of another platform.
import fs from 'node:fs'
import { approveVendor, listVendorsToVerify, recordVerifiedSource, type VendorToVerify } from '@/lib/data/catalog-verify'
import { detectPlatform, type DetectionHttp } from './detect-platform'
import type { Platform } from './platforms'

export interface VerifyOutcome {
  slug: string
  /** confirmed: as the catalog said; changed: detection found another platform or API URL. */
  result: 'confirmed' | 'changed' | 'unsupported' | 'unreachable' | 'blocked' | 'invalid'
  from?: { platform: Platform; apiUrl: string | null }
  to?: { platform: Platform; apiUrl: string | null }
  /** The page's own name for itself: lets an operator check a vendor's identity. */
  pageName?: string | null
  /** A catalog vendor held back for review whose page names it: now listed (`approveMatching`). */
  approved?: true
  detail: string
}

export interface VerifyOptions {
  http: DetectionHttp
  now: () => Date
  /** JSON lines, one outcome per vendor; the resume point. */
  statePath: string
  concurrency: number
  /** Forget the state file and start over. */
  restart?: boolean
  /** Also re-check vendors verified before (default: only unverified ones). */
  all?: boolean
  /** Check at most this many vendors in this run (the rest wait for the next). */
  limit?: number
  slugs?: string[]
  /**
   * Lists catalog vendors held back for review (identity unconfirmed) whose page answered with a
   * platform we read and names itself as the vendor is named. Never a vendor a user added.
   */
  approveMatching?: boolean
  signal?: AbortSignal
  onProgress?: (progress: { done: number; total: number; counts: Record<VerifyOutcome['result'], number> }) => void
}

export interface VerifyReport {
  /** Outcomes of this run and of the earlier runs the state file holds. */
  outcomes: VerifyOutcome[]
  checkedNow: number
  skippedAsDone: number
  remaining: number
}

export async function verifyCatalog(options: VerifyOptions): Promise<VerifyReport> {
  if (options.restart && fs.existsSync(options.statePath)) fs.rmSync(options.statePath)
  const earlier = readState(options.statePath)
  const done = new Set(earlier.map((o) => o.slug))
  const candidates = await listVendorsToVerify({ onlyUnverified: !options.all, ...(options.slugs && { slugs: options.slugs }) })
  const pending = candidates.filter((v) => !done.has(v.slug))
  const batch = options.limit === undefined ? pending : pending.slice(0, options.limit)
  const counts: Record<VerifyOutcome['result'], number> = { confirmed: 0, changed: 0, unsupported: 0, unreachable: 0, blocked: 0, invalid: 0 }
  const outcomes: VerifyOutcome[] = []
  let next = 0
  const worker = async () => {
    while (next < batch.length && !options.signal?.aborted) {
      const vendor = batch[next++] as VendorToVerify
      const outcome = await verifyOne(vendor, options)
      if (!outcome) continue
      fs.appendFileSync(options.statePath, `${JSON.stringify(outcome)}\n`)
      outcomes.push(outcome)
      counts[outcome.result]++
      options.onProgress?.({ done: outcomes.length, total: batch.length, counts })
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, batch.length)) }, worker))
  return {
    outcomes: [...earlier, ...outcomes],
    checkedNow: outcomes.length,
    skippedAsDone: candidates.length - pending.length,
    remaining: pending.length - outcomes.length,
  }
}

async function verifyOne(vendor: VendorToVerify, options: VerifyOptions): Promise<VerifyOutcome | null> {
  const from = { platform: vendor.platform, apiUrl: vendor.apiUrl }
  let detection
  try {
    detection = await detectPlatform(vendor.statusPageUrl, options.http, options.signal ? { signal: options.signal } : {})
  } catch (e) {
    // Aborted (the run is stopping): not an outcome, so the next run checks this vendor again.
    if (options.signal?.aborted) return null
    return { slug: vendor.slug, result: 'unreachable', from, detail: e instanceof Error ? e.message : String(e) }
  }
  if (!detection.ok) return { slug: vendor.slug, result: detection.reason, from, detail: [detection.message, ...detection.evidence].join(' | ').slice(0, 2000) }
  const to = { platform: detection.platform, apiUrl: detection.apiUrl }
  const evidence = detection.evidence.join(' | ')
  const { changed } = await recordVerifiedSource(vendor.vendorId, { ...to, verifiedAt: options.now(), evidence })
  const approve = options.approveMatching && vendor.pendingReview && !vendor.addedByUser && namesMatch(vendor.name, detection.pageName)
  if (approve) await approveVendor(vendor.vendorId)
  return { slug: vendor.slug, result: changed ? 'changed' : 'confirmed', from, to, pageName: detection.pageName, ...(approve && { approved: true as const }), detail: detection.evidence.at(-1) ?? '' }
}

/** "Acme" and "Acme Inc." match; "Acme" and a bare page named "Status" do not. */
export function namesMatch(vendorName: string, pageName: string | null | undefined): boolean {
  const key = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '')
  const a = key(vendorName)
  const b = key(pageName ?? '')
  if (a.length < 3 || b.length < 3) return false
  return a === b || (b.startsWith(a) && a.length >= 4) || (a.startsWith(b) && b.length >= 4)
}

function readState(path: string): VerifyOutcome[] {
  if (!fs.existsSync(path)) return []
  const outcomes: VerifyOutcome[] = []
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue
    try {
      const value = JSON.parse(line) as VerifyOutcome
      if (typeof value.slug === 'string' && typeof value.result === 'string') outcomes.push(value)
    } catch {
      // A line cut short by a crash mid-write: that vendor is simply checked again.
    }
  }
  return outcomes
}
