'use client'

import Link from 'next/link'
import { AccountMenu } from './account-menu'
import { useMe } from './use-me'

const navLink = 'whitespace-nowrap rounded-md px-2 py-2 text-slate-700 hover:bg-slate-100 sm:px-3 dark:text-slate-300 dark:hover:bg-slate-800'

/**
 * The signed-in or signed-out end of the header, filled in by the browser (see /api/me): the
 * header is part of cached public pages, so it cannot know the reader on the server.
 */
export function HeaderAccount() {
  const me = useMe()
  // The space is kept while loading, so the header does not jump.
  if (!me) return <span aria-hidden="true" className="inline-block h-8 w-32" />
  if (me.user) {
    return (
      <>
        <Link href="/dashboard" className={navLink}>
          Dashboard
        </Link>
        <AccountMenu email={me.user.email} />
      </>
    )
  }
  return (
    <>
      <Link href="/sign-in" className={navLink}>
        Sign in
      </Link>
      <Link href="/sign-up" className="ml-1 whitespace-nowrap rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white shadow-sm hover:bg-brand-700">
        Sign up
      </Link>
    </>
  )
}
