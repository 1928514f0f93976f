import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import Link from 'next/link'
import { cookies } from 'next/headers'
import { Alert } from '@/components/ui/alert'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { requireUser } from '@/lib/auth/session'
import { CHAT_KIND_DESCRIPTIONS } from '@/lib/channels/kinds'
import { loadSlackPicker, SLACK_INSTALL_ERRORS, type SlackInstallError } from '@/lib/channels/slack-oauth'
import { PENDING_INSTALL_COOKIE } from '@/lib/channels/slack-install'
import { SlackChannelForm } from './channel-form'

export const metadata: Metadata = { title: 'Add Slack' }
export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

function isInstallError(value: unknown): value is SlackInstallError {
  return typeof value === 'string' && Object.hasOwn(SLACK_INSTALL_ERRORS, value)
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/settings/destinations" className="text-brand-700 hover:underline dark:text-brand-300">
            ← Destinations
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">Add Slack</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{CHAT_KIND_DESCRIPTIONS.slack.description}</p>
      </div>
      <Card className="space-y-4 p-5 sm:p-6">{children}</Card>
    </div>
  )
}

function StartAgain({ label = 'Add to Slack' }: { label?: string }) {
  // A plain link: the install route answers with a redirect to Slack.
  return (
    <a href="/api/slack/install" className={buttonClass.primary}>
      {label}
    </a>
  )
}

/** The channel picker, after Slack's OAuth callback: the workspace's channels, one to pick. */
export default async function SlackChannelPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/settings/destinations')
  const error = (await searchParams).error
  if (isInstallError(error)) {
    return (
      <Shell>
        <Alert tone={error === 'not_configured' ? 'info' : 'error'}>{SLACK_INSTALL_ERRORS[error]}</Alert>
        {error !== 'not_configured' && <StartAgain label="Start again" />}
      </Shell>
    )
  }
  const picker = await loadSlackPicker(user.id, (await cookies()).get(PENDING_INSTALL_COOKIE)?.value, new Date())
  if (!picker.ok) {
    return (
      <Shell>
        <Alert tone={picker.reason === 'no_install' ? 'info' : 'error'}>
          {picker.reason === 'no_install' ? 'Connect a Slack workspace first: Slack asks you to allow Vendorwatch, then you pick a channel here.' : 'Slack could not be reached. Try again in a minute.'}
        </Alert>
        <StartAgain />
      </Shell>
    )
  }
  return (
    <Shell>
      <h2 className="font-semibold">Connected to {picker.teamName}</h2>
      {picker.channels.length === 0 ? (
        <Alert tone="info">No channels to pick: the workspace has no public channel and the app is in no private one.</Alert>
      ) : (
        <SlackChannelForm channels={picker.channels} teamName={picker.teamName} />
      )}
    </Shell>
  )
}
