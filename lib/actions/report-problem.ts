'use server'
// The vendor page's "Having problems with {vendor}?" button. Anyone may press it, signed in or not:
// the report carries no account, only the hashed network and the signed browser cookie
// (lib/signal/reporter-keys.ts). Same intake as POST /api/v1/vendors/{slug}/reports.
import { cookies, headers } from 'next/headers'
import { unstable_rethrow } from 'next/navigation'
import { z } from 'zod'
import { clientIp } from '@/lib/auth/client-ip'
import { reporterCookieOptions, reporterKey } from '@/lib/signal/reporter-cookie'
import { browserFromCookie, REPORTER_COOKIE } from '@/lib/signal/reporter-keys'
import { reportOutcomeMessage, submitProblemReport } from '@/lib/signal/reports'
import type { ReportProblemState } from '@/lib/signal/types'
import { isSlug } from '@/lib/validation/url-input'

const reportForm = z.object({
  vendor: z.string().refine(isSlug),
  vendorName: z.string().min(1).max(200).optional(),
  // The select's "no particular component" option submits an empty value.
  component: z.string().max(100).optional().transform((v) => (v ? v : undefined)),
})

export async function reportProblemAction(_previous: ReportProblemState, form: FormData): Promise<ReportProblemState> {
  const parsed = reportForm.safeParse({
    vendor: form.get('vendor'),
    vendorName: form.get('vendorName') ?? undefined,
    component: form.get('component') ?? undefined,
  })
  if (!parsed.success) return { outcome: 'unknown-vendor', message: 'That vendor is not in the directory.' }
  const { vendor, vendorName, component } = parsed.data
  try {
    const key = reporterKey()
    const jar = await cookies()
    const browser = browserFromCookie(key, jar.get(REPORTER_COOKIE)?.value)
    if (browser.setCookie) jar.set(REPORTER_COOKIE, browser.setCookie, reporterCookieOptions())
    const outcome = await submitProblemReport({ vendorSlug: vendor, componentId: component, clientIp: clientIp(await headers()), browserId: browser.browserId }, { now: () => new Date(), key })
    return { outcome: outcome.kind, message: reportOutcomeMessage(outcome, vendorName ?? vendor) }
  } catch (e) {
    unstable_rethrow(e)
    console.error('[report-problem] failed:', e)
    // The contract has no "error" kind; "try again later" is what the person can do about it.
    return { outcome: 'rate-limited', message: 'Your report could not be saved. Please try again in a minute.' }
  }
}
