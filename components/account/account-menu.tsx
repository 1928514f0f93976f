'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import { signOutAction } from '@/lib/actions/sign-out'

const item = 'block w-full rounded px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800'

/** The signed-in user's menu: a disclosure button, closed by Escape, a click outside, or navigating. */
export function AccountMenu({ email }: { email: string }) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const pathname = usePathname()

  useEffect(() => setOpen(false), [pathname])
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('mousedown', onClick)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('mousedown', onClick)
    }
  }, [open])

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="account-menu"
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-1 rounded-md px-1.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold uppercase text-brand-700 dark:bg-brand-500/20 dark:text-brand-100">
          {email.slice(0, 1)}
        </span>
        <span className="sr-only">Account menu</span>
        <svg viewBox="0 0 20 20" aria-hidden="true" className="hidden h-4 w-4 fill-current text-slate-500 sm:block">
          <path d="M5.5 7.5L10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" />
        </svg>
      </button>
      <div
        id="account-menu"
        hidden={!open}
        className="absolute right-0 z-20 mt-2 w-60 rounded-lg border border-slate-200 bg-white p-1.5 shadow-lg dark:border-slate-800 dark:bg-slate-900"
      >
        <p className="truncate px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
          Signed in as <span className="font-medium text-slate-700 dark:text-slate-200">{email}</span>
        </p>
        <Link href="/dashboard" className={item}>
          Dashboard
        </Link>
        <Link href="/settings" className={item}>
          Settings
        </Link>
        <form action={signOutAction} className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-800">
          <button type="submit" className={item}>
            Sign out
          </button>
        </form>
      </div>
    </div>
  )
}
