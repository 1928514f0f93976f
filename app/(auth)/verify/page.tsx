import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthCard, linkClass } from '@/components/account/auth-card'
import { Alert } from '@/components/ui/alert'
import { buttonClass } from '@/components/ui/button'
import { verifyEmailLink } from '@/lib/accounts/email-verification'
import { getOptionalUser } from '@/lib/auth/session'
import type { EmailTokenOutcome } from '@/lib/data/auth-tokens'

export const metadata: Metadata = { title: 'Confirm your email' }
export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

function describe(outcome: EmailTokenOutcome): { tone: 'success' | 'error'; title: string; text: string } {
  switch (outcome.kind) {
    case 'verified':
      return { tone: 'success', title: 'Email confirmed', text: `Thanks! We'll send alerts about the vendors you watch to ${outcome.email}.` }
    case 'email_changed':
      return { tone: 'success', title: 'Email changed', text: `Your account now uses ${outcome.email}. Sign in with it from now on.` }
    case 'email_taken':
      return { tone: 'error', title: 'Email not changed', text: 'That address now belongs to another account, so we kept your current one.' }
    case 'invalid':
      return { tone: 'error', title: 'This link does not work', text: 'It has expired or was already used. You can ask for a new one from your dashboard or settings.' }
  }
}

/**
 * The target of the links in verification and email-change emails. Opening the link is the
 * confirmation (no extra click): the token is single-use and proves access to the inbox.
 */
export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const token = (await searchParams).token
  const outcome = typeof token === 'string' ? await verifyEmailLink(token, new Date()) : ({ kind: 'invalid' } satisfies EmailTokenOutcome)
  const signedIn = (await getOptionalUser()) !== null
  const onward = signedIn ? { href: '/dashboard', label: 'Go to your dashboard' } : { href: '/sign-in', label: 'Sign in' }

  const body = describe(outcome)

  return (
    <AuthCard title={body.title}>
      <div className="space-y-5">
        <Alert tone={body.tone}>{body.text}</Alert>
        <Link href={onward.href} className={`${buttonClass.primary} w-full`}>
          {onward.label}
        </Link>
        {!signedIn && outcome.kind === 'invalid' && (
          <p className="text-center text-sm text-slate-600 dark:text-slate-400">
            Forgot your password?{' '}
            <Link href="/forgot-password" className={linkClass}>
              Reset it
            </Link>
          </p>
        )}
      </div>
    </AuthCard>
  )
}
