'use client'

import Link from 'next/link'
import { usePathname, useSearchParams } from 'next/navigation'
import { useActionState, useEffect } from 'react'
import { toggleWatchAction } from '@/lib/actions/watch'
import { refreshMe } from '@/components/account/use-me'
import { authHref } from '@/lib/auth/return-path'

export type WatchButtonSize = 'sm' | 'md'

const base = 'inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md font-medium shadow-sm disabled:opacity-60'
const sizes = { sm: 'px-2.5 py-1 text-xs', md: 'px-4 py-2 text-sm' }
const looks = {
  watch: 'bg-brand-600 text-white hover:bg-brand-700',
  unmonitored:
    'border border-dashed border-slate-400 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800',
  unwatch:
    'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800',
}

const EyeIcon = () => (
  <svg viewBox="0 0 20 20" fill="none" aria-hidden="true" className="h-4 w-4">
    <path d="M1.5 10S4.5 4 10 4s8.5 6 8.5 6-3 6-8.5 6-8.5-6-8.5-6z" stroke="currentColor" strokeWidth="1.6" />
    <circle cx="10" cy="10" r="2.5" stroke="currentColor" strokeWidth="1.6" />
  </svg>
)
const CheckIcon = () => (
  <svg viewBox="0 0 20 20" fill="none" aria-hidden="true" className="h-4 w-4">
    <path d="M4 10.5l4 4 8-9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
)

/** Signed out: Watch leads through sign-up, which adds the vendor and comes back here. */
/**
 * The name and the words of a Watch button, the same in every state, so it never changes under a
 * reader. It starts with the button's visible words ("Watch · Not monitored"), so a speech-input
 * user who says what they see reaches it (axe: label-content-name-mismatch).
 */
const watchLabel = (name: string, monitored: boolean) => (monitored ? `Watch ${name}` : `Watch · Not monitored: ${name} (no alerts)`)
const NotMonitored = () => <span className="font-normal opacity-80">· Not monitored</span>

export function SignedOutWatchLink({ slug, name, size, monitored = true }: { slug: string; name: string; size: WatchButtonSize; monitored?: boolean }) {
  const pathname = usePathname()
  const search = useSearchParams().toString()
  const href = authHref('/sign-up', { watch: slug, next: search ? `${pathname}?${search}` : pathname })
  // No prefetch: a directory page lists dozens of these, and every one would fetch /sign-up as it scrolls into view.
  return (
    <Link href={href} prefetch={false} aria-label={watchLabel(name, monitored)} className={`${base} ${sizes[size]} ${monitored ? looks.watch : looks.unmonitored}`}>
      <EyeIcon />
      Watch
      {!monitored && <NotMonitored />}
    </Link>
  )
}

/** While we do not know yet who is reading: the same button, inert, with the same name. */
export function WatchPlaceholder({ name, size, monitored = true }: { name: string; size: WatchButtonSize; monitored?: boolean }) {
  return (
    <button type="button" disabled aria-label={watchLabel(name, monitored)} className={`${base} ${sizes[size]} ${monitored ? looks.watch : looks.unmonitored}`}>
      <EyeIcon />
      Watch
      {!monitored && <NotMonitored />}
    </button>
  )
}

/**
 * Signed in: one form that watches or unwatches, and explains a refusal (the plan limit) in place.
 * A vendor we cannot read says so on the button; pressing it asks for a confirmation first (the
 * server refuses to use a slot for it without one), answered by a second form beside the first.
 */
export function WatchToggle({
  slug,
  name,
  watched: known,
  monitored = true,
  size,
  align,
}: {
  slug: string
  name: string
  watched: boolean
  monitored?: boolean
  size: WatchButtonSize
  align: 'start' | 'end'
}) {
  // The action's answer is the truth until /api/me catches up; the same button stays, so focus
  // stays on it.
  const [state, action, pending] = useActionState(toggleWatchAction, null)
  const watched = state?.watched ?? known
  useEffect(() => {
    if (state?.ok) refreshMe()
  }, [state])
  const verb = watched ? 'Unwatch' : 'Watch'
  const unmonitoredNote = !monitored && !watched
  const askConfirm = Boolean(state && !state.ok && state.confirmNoAlerts)
  return (
    <div className={`flex flex-col gap-1 ${align === 'end' ? 'items-end text-right' : 'items-start'}`}>
      <form action={action}>
        <input type="hidden" name="vendor" value={slug} />
        <input type="hidden" name="intent" value={watched ? 'unwatch' : 'watch'} />
        <button
          type="submit"
          disabled={pending}
          aria-label={unmonitoredNote ? watchLabel(name, false) : `${verb} ${name}`}
          className={`${base} ${sizes[size]} ${watched ? looks.unwatch : unmonitoredNote ? looks.unmonitored : looks.watch}`}
        >
          {watched ? <CheckIcon /> : <EyeIcon />}
          {verb}
          {unmonitoredNote && <NotMonitored />}
        </button>
      </form>
      {state && !state.ok && (
        <p role="alert" className={`max-w-xs text-xs ${askConfirm ? 'text-slate-700 dark:text-slate-300' : 'text-red-700 dark:text-red-400'}`}>
          {state.formError}{' '}
          {state.upgradeUrl && (
            <Link href={state.upgradeUrl} className="font-medium underline">
              See plans
            </Link>
          )}
        </p>
      )}
      {askConfirm && (
        <form action={action}>
          <input type="hidden" name="vendor" value={slug} />
          <input type="hidden" name="intent" value="watch" />
          <input type="hidden" name="confirmNoAlerts" value="yes" />
          <button type="submit" disabled={pending} className={`${base} ${sizes[size]} ${looks.unwatch}`}>
            Watch {name} without alerts
          </button>
        </form>
      )}
    </div>
  )
}
