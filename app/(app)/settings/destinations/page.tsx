import type { Metadata } from 'next'
import Link from 'next/link'
import { Card } from '@/components/ui/card'
import { buttonClass } from '@/components/ui/button'
import { LocalTime } from '@/components/time/local-time'
import { requireUser } from '@/lib/auth/session'
import { CHAT_KIND_DESCRIPTIONS } from '@/lib/channels/kinds'
import { slackEnabled } from '@/lib/env'
import { loadDestinations } from '@/lib/pages/destinations'
import { AddDestinationForm, DeleteButton, RotateSecretButton, SendTestButton, ToggleButton } from './destination-forms'

export const metadata: Metadata = { title: 'Destinations' }
export const dynamic = 'force-dynamic'

const KIND_LABEL: Record<string, string> = {
  slack: 'Slack',
  discord: 'Discord',
  google_chat: 'Google Chat',
  teams: 'Microsoft Teams',
  pagerduty: 'PagerDuty',
  webhook: 'Webhook',
}

export default async function DestinationsPage() {
  const user = await requireUser('/settings/destinations')
  const page = await loadDestinations(user.id)
  const full = page.used >= page.limit

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/settings" className="text-brand-700 hover:underline dark:text-brand-300">
            ← Settings
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">Destinations</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Where alerts go besides email: one message per incident, updated as it moves. Each watch sends to all of them or to the ones you choose on its alert settings.
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" data-testid="destination-usage">
          {page.used} of {page.limit} on the {page.planName} plan{page.pagerDutyAllowed ? '' : ' (PagerDuty is part of Pro)'}.{' '}
          {page.plan === 'free' && (
            <Link href="/pricing" className="text-brand-700 hover:underline dark:text-brand-300">
              Plans
            </Link>
          )}
        </p>
      </div>

      {page.destinations.length > 0 && (
        <ul className="space-y-4" aria-label="Your destinations">
          {page.destinations.map((d) => (
            <li key={d.id}>
              <Card className="space-y-4 p-5 sm:p-6">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h2 className="font-semibold">
                      {d.name} <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">{KIND_LABEL[d.kind] ?? d.kind}</span>
                    </h2>
                    <p className="break-all font-mono text-sm text-slate-600 dark:text-slate-400" data-testid="masked-target">
                      {d.maskedTarget}
                    </p>
                  </div>
                  <div className="flex items-center gap-2 text-sm">
                    <span className="text-slate-600 dark:text-slate-400">{d.enabled ? 'On' : 'Off'}</span>
                    <ToggleButton id={d.id} enabled={d.enabled} name={d.name} />
                  </div>
                </div>
                {d.health === 'broken' && (
                  <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-100">
                    Stopped: {d.brokenReason ?? 'the destination refused our messages'}. Nothing is sent until you fix it{d.kind === 'webhook' ? ' (or rotate the secret)' : ''}; then use Send test: a test that gets through turns it back on.
                  </p>
                )}
                <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="last-result">
                  Last delivery:{' '}
                  {d.lastResultAt ? (
                    <>
                      <span className={d.lastResultOk ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-400'}>{d.lastResult}</span>{' '}
                      <span className="text-slate-500">
                        (<LocalTime iso={d.lastResultAt.toISOString()} />)
                      </span>
                    </>
                  ) : (
                    'nothing sent yet'
                  )}
                </p>
                <div className="flex flex-wrap items-start gap-3">
                  <SendTestButton id={d.id} />
                  {d.kind === 'webhook' && <RotateSecretButton id={d.id} />}
                  <DeleteButton id={d.id} name={d.name} />
                </div>
                {d.log && (
                  <details className="text-sm">
                    <summary className="cursor-pointer font-medium">Delivery log ({d.log.length} of the last 50 attempts)</summary>
                    {d.log.length === 0 ? (
                      <p className="mt-2 text-slate-600 dark:text-slate-400">No attempts yet.</p>
                    ) : (
                      <div className="mt-2 overflow-x-auto">
                        <table className="w-full text-left text-xs">
                          <thead className="text-slate-500">
                            <tr>
                              <th className="py-1 pr-3 font-medium">Time</th>
                              <th className="py-1 pr-3 font-medium">Status</th>
                              <th className="py-1 pr-3 font-medium">Latency</th>
                              <th className="py-1 font-medium">Result</th>
                            </tr>
                          </thead>
                          <tbody>
                            {d.log.map((a, i) => (
                              <tr key={i} className="border-t border-slate-200 dark:border-slate-800">
                                <td className="py-1 pr-3 whitespace-nowrap">
                                  <LocalTime iso={a.attemptedAt.toISOString()} />
                                </td>
                                <td className={`py-1 pr-3 ${a.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-400'}`}>{a.statusCode ?? '—'}</td>
                                <td className="py-1 pr-3">{a.latencyMs} ms</td>
                                <td className="min-w-40 py-1">{a.detail}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}
                  </details>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}

      <Card className="grid gap-4 p-5 sm:p-6 md:grid-cols-[14rem_minmax(0,1fr)] md:gap-8">
        <div className="space-y-2">
          <h2 className="font-semibold">Add a destination</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">The URL or key is stored encrypted and never shown again; you see a masked version.</p>
          {!slackEnabled ? (
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="slack-not-configured">
              Slack is not configured on this server (its operator has not set up a Slack app).
            </p>
          ) : (
            !full && (
              <>
                <a href="/api/slack/install" className={`${buttonClass.secondary} w-full`}>
                  Add to Slack
                </a>
                <p className="text-xs text-slate-500 dark:text-slate-400">{CHAT_KIND_DESCRIPTIONS.slack.description}</p>
              </>
            )
          )}
        </div>
        <section className="min-w-0 md:max-w-md">
          {full ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              You have {page.used} of {page.limit}. Delete one to add another{page.plan === 'free' ? ', or upgrade to Pro for up to 20' : ''}.
            </p>
          ) : (
            <AddDestinationForm pagerDutyAllowed={page.pagerDutyAllowed} full={full} />
          )}
        </section>
      </Card>
    </div>
  )
}
