// "Having problems with {vendor}?" (issue 19 #1): one report, from the API or the vendor page's
// button, turned into at most one stored ProblemReport. The caller (route handler or server action)
// resolves the client's address and the browser's cookie; this module hashes them, applies the
// per-network request limit and the 30-minute dedupe, and says what happened. The raw address is
// never stored, logged or passed further than the hash.
import { findReportTarget, recordProblemReport } from '@/lib/data/problem-reports'
import { hitRateLimit } from '@/lib/data/rate-limits'
import { REPORT_DEDUPE_MINUTES, REPORT_REQUESTS_PER_NETWORK } from './params'
import { browserKeyOf, networkKeyOf } from './reporter-keys'
import type { ReportOutcome } from './types'

export interface ProblemReportInput {
  vendorSlug: string
  /** Optional component, by its public id (the API's `components[].id`); must be one of the vendor's. */
  componentId?: string
  /** The client's address under the TRUST_PROXY rule (lib/auth/client-ip.ts); may be 'unknown'. */
  clientIp: string
  /** The browser id from the verified (or just issued) reporter cookie. */
  browserId: string
}

export interface ProblemReportDeps {
  now: () => Date
  /** The reporter key (./reporter-keys.ts deriveReporterKey of AUTH_SECRET). */
  key: Buffer
}

export async function submitProblemReport(input: ProblemReportInput, deps: ProblemReportDeps): Promise<ReportOutcome> {
  const now = deps.now()
  const networkKey = networkKeyOf(deps.key, input.clientIp)
  // Every request counts against its network's limit, unknown vendors included: a script probing
  // slugs is turned away as early as one reporting the same vendor again and again.
  const limited = await hitRateLimit(REPORT_REQUESTS_PER_NETWORK, networkKey, now)
  if (!limited.allowed) return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil(limited.retryAfterMs / 1000)) }

  const target = await findReportTarget(input.vendorSlug, input.componentId)
  if (!target) return { kind: 'unknown-vendor' }
  if (!target.componentOk) return { kind: 'unknown-component' }

  const outcome = await recordProblemReport({
    vendorId: target.vendorId,
    componentId: target.componentId,
    browserKey: browserKeyOf(deps.key, input.browserId),
    networkKey,
    now,
    repeatSince: new Date(now.getTime() - REPORT_DEDUPE_MINUTES * 60_000),
  })
  return { kind: outcome }
}

/** The words the button shows for each outcome. */
export function reportOutcomeMessage(outcome: ReportOutcome, vendorName: string): string {
  switch (outcome.kind) {
    case 'accepted':
      return `Thanks: your report about ${vendorName} is counted.`
    case 'already-reported':
      return `Your report about ${vendorName} is already counted (one per ${REPORT_DEDUPE_MINUTES} minutes).`
    case 'unknown-vendor':
      return 'That vendor is not in the directory.'
    case 'unknown-component':
      return `That component is not one of ${vendorName}'s.`
    case 'rate-limited': {
      const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60))
      return `Too many reports from your network. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
    }
  }
}
