import type { Metadata } from 'next'
import Link from 'next/link'
import { Card } from '@/components/ui/card'
import { describeUnsubscribeLink } from '@/lib/accounts/unsubscribe-link'
import { UnsubscribeForm } from './unsubscribe-form'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Where an email's "Unsubscribe" link leads. Works signed out; the signed token says who and what. */
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token
  const token = Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')
  const target = await describeUnsubscribeLink(token)
  const what = target?.vendor ? `alerts about ${target.vendor.name}` : 'Vendorwatch alert emails'
  return (
    <div className="mx-auto max-w-lg py-8">
      <Card className="space-y-4 p-6">
        <h1 className="text-2xl font-semibold tracking-tight">Unsubscribe</h1>
        {!target ? (
          <p>
            This unsubscribe link is not valid (or its watch no longer exists). You can change every alert from your{' '}
            <Link href="/dashboard" className="font-medium text-brand-600 underline dark:text-brand-400">
              dashboard
            </Link>
            .
          </p>
        ) : target.alreadyOff ? (
          <>
            <p>
              <strong>{target.email}</strong> gets no {what} at the moment.
            </p>
            <UnsubscribeForm token={token} what={what} subscribed={false} />
          </>
        ) : (
          <>
            <p>
              Stop sending {what} to <strong>{target.email}</strong>?
              {target.vendor
                ? ' The vendor stays on your watchlist; you can turn its alerts back on here, or from your dashboard, any time.'
                : ' You can turn them back on here, or from your dashboard or settings, any time.'}
            </p>
            <UnsubscribeForm token={token} what={what} subscribed />
          </>
        )}
      </Card>
    </div>
  )
}
