import Link from 'next/link'
import { HeaderAccount } from '@/components/account/header-account'
import { Logo } from '@/components/ui/logo'

const navLink = 'whitespace-nowrap rounded-md px-2 py-2 text-slate-700 hover:bg-slate-100 sm:px-3 dark:text-slate-300 dark:hover:bg-slate-800'

/** The same for every reader (public pages are cached); the account part is filled in by the browser. */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-4 sm:gap-4 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
          <Logo className="h-6 w-6 text-brand-600 dark:text-brand-400" />
          <span>Vendorwatch</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-0.5 text-sm sm:gap-1">
          <Link href="/vendors" className={navLink}>
            Vendors
          </Link>
          <HeaderAccount />
        </nav>
      </div>
    </header>
  )
}
