import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthCard, linkClass } from '@/components/account/auth-card'
import { Alert } from '@/components/ui/alert'
import { authHref, safeReturnPath } from '@/lib/auth/return-path'
import { getOptionalUser } from '@/lib/auth/session'
import { SignInForm } from './sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined)

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams
  const next = one(params.next)
  const watch = one(params.watch)
  if (await getOptionalUser()) redirect(safeReturnPath(next))
  return (
    <AuthCard
      title="Sign in to Vendorwatch"
      description="Your watchlist and alerts are waiting."
      footer={
        <>
          New here?{' '}
          <Link href={authHref('/sign-up', { watch, next })} className={linkClass}>
            Create an account
          </Link>
        </>
      }
    >
      {one(params.reset) && (
        <Alert tone="success" className="mb-5">
          Your password was changed. Sign in with the new one.
        </Alert>
      )}
      {/* Auth.js sends failed callbacks here with ?error=...; ours never reach it, but say something useful. */}
      {one(params.error) && (
        <Alert tone="error" className="mb-5">
          We could not sign you in. Please try again.
        </Alert>
      )}
      <SignInForm watch={watch} next={next} />
    </AuthCard>
  )
}
