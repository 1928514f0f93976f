import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthCard, linkClass } from '@/components/account/auth-card'

export const metadata: Metadata = { title: 'Account deleted' }

export default function GoodbyePage() {
  return (
    <AuthCard title="Your account is deleted" description="Your watchlist, alert preferences and everything else of your account are gone.">
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Thanks for trying Vendorwatch. The{' '}
        <Link href="/vendors" className={linkClass}>
          vendor directory
        </Link>{' '}
        stays open to everyone.
      </p>
    </AuthCard>
  )
}
