'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

const EVERY_MS = 2_000
const GIVE_UP_AFTER_MS = 60_000

/**
 * Re-renders the page from the server every two seconds until it stops rendering this component
 * (the webhook has landed), for at most a minute; then says what to do instead of spinning.
 */
export function RefreshWhilePending() {
  const router = useRouter()
  const [gaveUp, setGaveUp] = useState(false)
  useEffect(() => {
    const started = Date.now()
    const timer = setInterval(() => {
      if (Date.now() - started > GIVE_UP_AFTER_MS) {
        clearInterval(timer)
        setGaveUp(true)
        return
      }
      router.refresh()
    }, EVERY_MS)
    return () => clearInterval(timer)
  }, [router])
  return gaveUp ? (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      This is taking longer than usual. Stripe sends us the confirmation on its own; reload this page in a few minutes, and if you were charged
      without getting Pro, reply to the receipt Stripe emailed you.
    </p>
  ) : (
    <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
      <span aria-hidden="true" className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />
      Waiting for Stripe’s confirmation…
    </p>
  )
}
