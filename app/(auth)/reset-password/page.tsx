import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthCard, linkClass } from '@/components/account/auth-card'
import { Alert } from '@/components/ui/alert'
import { checkResetLink } from '@/lib/accounts/password-reset'
import { ResetPasswordForm } from './reset-password-form'

export const metadata: Metadata = { title: 'Choose a new password' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const token = (await searchParams).token
  const valid = typeof token === 'string' && (await checkResetLink(token, new Date()))
  return (
    <AuthCard
      title="Choose a new password"
      description={valid ? 'Signing in with the new password signs you out everywhere else.' : undefined}
      footer={
        <Link href="/sign-in" className={linkClass}>
          Back to sign in
        </Link>
      }
    >
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-4">
          <Alert tone="error">This reset link has expired or was already used.</Alert>
          <Link href="/forgot-password" className={linkClass}>
            Send me a new link
          </Link>
        </div>
      )}
    </AuthCard>
  )
}
