'use client'

import { useEffect, useState } from 'react'
import { formatRelativeTime } from '@/lib/format/relative-time'

/**
 * "3 minutes ago" that stays true while the page is open (and on a cached page rendered earlier):
 * it is recomputed in the browser on load and every 30 seconds.
 */
export function RelativeTime({ iso, renderedAt }: { iso: string; renderedAt: string }) {
  const date = new Date(iso)
  const [now, setNow] = useState(() => new Date(renderedAt))
  useEffect(() => {
    setNow(new Date())
    const timer = setInterval(() => setNow(new Date()), 30_000)
    return () => clearInterval(timer)
  }, [])
  return (
    <time dateTime={iso} title={date.toUTCString()} suppressHydrationWarning>
      {formatRelativeTime(date, now)}
    </time>
  )
}
