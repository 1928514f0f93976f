import { z } from 'zod'
import { bodyRefused, readCappedText } from '@/lib/api/request-body'
import { jsonError, unlessDatabaseUnavailable } from '@/lib/api/responses'
import { clientIp } from '@/lib/auth/client-ip'
import { readCookie } from '@/lib/auth/known-device'
import { reporterKey, reporterSetCookieHeader } from '@/lib/signal/reporter-cookie'
import { browserFromCookie, REPORTER_COOKIE } from '@/lib/signal/reporter-keys'
import { submitProblemReport } from '@/lib/signal/reports'
import { isSlug } from '@/lib/validation/url-input'

export const dynamic = 'force-dynamic'

/** `{ "component": "<id>" }` is all a report carries; a few hundred bytes at most. */
const MAX_REPORT_BODY_BYTES = 4 * 1024
const reportBody = z.object({ component: z.string().min(1).max(100).optional() }).strict()

/**
 * POST /api/v1/vendors/{slug}/reports: "I am having problems with this vendor". No account needed.
 * 201 accepted, 200 already counted (this browser or network reported it in the last 30 minutes),
 * 404 no such vendor, 422 not one of its components, 429 too many requests from this network.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const body = await readCappedText(request, MAX_REPORT_BODY_BYTES)
  if (!body.ok) return bodyRefused(body.status)
  let json: unknown = {}
  if (body.text.trim() !== '') {
    try {
      json = JSON.parse(body.text)
    } catch {
      return jsonError(400, 'bad_request', 'The body must be JSON: {"component": "<component id>"} or empty.')
    }
  }
  const parsed = reportBody.safeParse(json)
  if (!parsed.success) return jsonError(400, 'bad_request', 'The body must be JSON: {"component": "<component id>"} or empty.')
  if (!isSlug(slug)) return jsonError(404, 'not_found', 'No such vendor.')

  return unlessDatabaseUnavailable(async () => {
    const key = reporterKey()
    const browser = browserFromCookie(key, readCookie(request.headers.get('cookie'), REPORTER_COOKIE))
    const outcome = await submitProblemReport({ vendorSlug: slug, componentId: parsed.data.component, clientIp: clientIp(request.headers), browserId: browser.browserId }, { now: () => new Date(), key })
    const response = answer(outcome, slug)
    if (browser.setCookie) response.headers.append('set-cookie', reporterSetCookieHeader(browser.setCookie))
    return response
  })
}

function answer(outcome: Awaited<ReturnType<typeof submitProblemReport>>, slug: string): Response {
  switch (outcome.kind) {
    case 'accepted':
      return Response.json({ result: 'accepted' }, { status: 201 })
    case 'already-reported':
      return Response.json({ result: 'already-reported', message: 'A report from this browser or network is already counted for this vendor in the last 30 minutes.' })
    case 'unknown-vendor':
      return jsonError(404, 'not_found', `No vendor with slug "${slug}".`)
    case 'unknown-component':
      return jsonError(422, 'unknown_component', 'The component is not one of this vendor\'s components.', { component: ['not a component of this vendor'] })
    case 'rate-limited': {
      const res = jsonError(429, 'rate_limited', 'Too many reports from this network; try again later.')
      res.headers.set('retry-after', String(outcome.retryAfterSeconds))
      return res
    }
  }
}
