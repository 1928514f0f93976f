import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { notFound } from 'next/navigation'
import { Alert } from '@/components/ui/alert'
import { Card } from '@/components/ui/card'
import { SubmitButton } from '@/components/ui/submit-button'
import { MutedWatchList, TurnAlertsOnButton } from '@/components/watchlist/alerts-off-banner'
import { setAlertsAction } from '@/lib/actions/alerts'
import { requireUser } from '@/lib/auth/session'
import { formatInTimeZone } from '@/lib/format/zoned'
import { getStackPageSettings } from '@/lib/data/stack-pages'
import { loadSettings } from '@/lib/pages/settings'
import { ChangeEmailForm, TimeZoneForm } from './profile-forms'
import { ChangePasswordForm, DeleteAccountForm } from './security-forms'
import { StackLinkForms, StackPublicForms } from './stack-forms'

export const metadata: Metadata = { title: 'Settings' }
export const dynamic = 'force-dynamic'

function Section({ id, title, description, children, tone }: { id: string; title: string; description: ReactNode; children: ReactNode; tone?: 'danger' }) {
  return (
    <Card className={`grid gap-4 p-5 sm:p-6 md:grid-cols-[14rem_minmax(0,1fr)] md:gap-8 ${tone === 'danger' ? 'border-red-200 dark:border-red-500/30' : ''}`}>
      <div className="space-y-1">
        <h2 id={id} className={`font-semibold ${tone === 'danger' ? 'text-red-800 dark:text-red-300' : ''}`}>
          {title}
        </h2>
        <div className="text-sm text-slate-600 dark:text-slate-400">{description}</div>
      </div>
      <section aria-labelledby={id} className="min-w-0 md:max-w-md">
        {children}
      </section>
    </Card>
  )
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function SettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/settings')
  const [settings, stack] = await Promise.all([loadSettings(user.id, new Date()), getStackPageSettings(user.id)])
  if (!settings) notFound()
  const { account, pending, alerts, zones } = settings
  const passwordChanged = (await searchParams).changed === 'password'

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Your account, {account.email}.</p>
      </div>

      <Section id="tz-heading" title="Time zone" description="Dates on your dashboard and in digests use it.">
        <TimeZoneForm current={account.timeZone} zones={zones} />
      </Section>

      <Section
        id="email-heading"
        title="Email"
        description={
          <>
            <p className="break-all font-medium text-slate-800 dark:text-slate-200">{account.email}</p>
            <p className="mt-1">
              {account.emailVerified ? (
                <span className="inline-flex rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-600/20 ring-inset dark:bg-emerald-500/10 dark:text-emerald-300">
                  Confirmed
                </span>
              ) : (
                <span className="inline-flex rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset dark:bg-amber-400/10 dark:text-amber-200">
                  Not confirmed yet
                </span>
              )}
            </p>
            <p className="mt-2">A new address takes effect once you open the link we send to it.</p>
          </>
        }
      >
        {pending && (
          <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-300" role="status">
            Waiting for you to confirm <strong className="font-medium">{pending.email}</strong> (link sent {formatInTimeZone(pending.createdAt, account.timeZone)}).
          </p>
        )}
        <ChangeEmailForm />
      </Section>

      <Section id="alerts-heading" title="Alert emails" description="Every alert and digest we send you. Each vendor's alerts are set on its watchlist page.">
        <div className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p>
              Alert emails are <strong>{alerts.accountOn ? 'on' : 'off'}</strong>
              {alerts.accountOn ? '.' : ': you unsubscribed from all of them.'}
            </p>
            {alerts.accountOn ? (
              <form action={setAlertsAction}>
                <input type="hidden" name="on" value="false" />
                <SubmitButton variant="secondary" className="whitespace-nowrap px-3 py-1.5">
                  Turn all alert emails off
                </SubmitButton>
              </form>
            ) : (
              <TurnAlertsOnButton action={setAlertsAction} label="Turn alert emails back on" />
            )}
          </div>
          {alerts.mutedWatches.length > 0 && (
            <div className="space-y-2">
              <p className="text-sm text-slate-600 dark:text-slate-400">Vendors you unsubscribed from (still on your watchlist):</p>
              <MutedWatchList watches={alerts.mutedWatches} action={setAlertsAction} />
            </div>
          )}
        </div>
      </Section>

      <Section
        id="stack-heading"
        title="Your stack page"
        description="Publish your watchlist as one page: each vendor's status, active incidents and upcoming maintenance, with an Atom feed, one maintenance calendar and a badge."
      >
        <div className="space-y-6">
          <StackLinkForms live={stack.privateLink} />
          <StackPublicForms slug={stack.slug} />
        </div>
      </Section>

      <Section id="destinations-heading" title="Destinations" description="Slack, Microsoft Teams, Discord, Google Chat, PagerDuty and signed webhooks.">
        <p className="text-sm">
          <a href="/settings/destinations" className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            Manage destinations →
          </a>
        </p>
      </Section>

      <Section id="password-heading" title="Password" description="Changing it signs you out on every other device.">
        {passwordChanged && (
          <Alert tone="success" className="mb-4">
            Password changed. Every other device has been signed out.
          </Alert>
        )}
        <ChangePasswordForm />
      </Section>

      <Section id="delete-heading" title="Delete account" tone="danger" description="Deletes your account, watchlist and alert preferences for good.">
        <DeleteAccountForm />
      </Section>
    </div>
  )
}
