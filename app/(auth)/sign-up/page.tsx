import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthCard, linkClass } from '@/components/account/auth-card'
import { getOptionalUser } from '@/lib/auth/session'
import { authHref, safeReturnPath } from '@/lib/auth/return-path'
import { FREE_WATCHLIST_LIMIT } from '@/lib/plans/plans'
import { findVendorBySlug } from '@/lib/data/vendors'
import { SignUpForm } from './sign-up-form'

export const metadata: Metadata = { title: 'Create your account' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined)

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams
  const next = one(params.next)
  const vendor = one(params.watch) ? await findVendorBySlug(one(params.watch) ?? '') : null
  if (await getOptionalUser()) redirect(safeReturnPath(next, vendor ? `/vendors/${vendor.slug}` : '/dashboard'))

  return (
    <AuthCard
      title={vendor ? `Watch ${vendor.name}` : 'Create your account'}
      description={
        vendor
          ? `Create a free account and we'll add ${vendor.name} to your watchlist.`
          : `Watch up to ${FREE_WATCHLIST_LIMIT} vendors free and hear about their incidents.`
      }
      footer={
        <>
          Already have an account?{' '}
          <Link href={authHref('/sign-in', { watch: vendor?.slug, next })} className={linkClass}>
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm watch={vendor?.slug} next={next} />
    </AuthCard>
  )
}
