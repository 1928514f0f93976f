'use client'

import { useEffect, useState } from 'react'

type Style = 'datetime' | 'date' | 'time'

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  datetime: { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
  date: { month: 'short', day: 'numeric', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
}

function format(date: Date, style: Style, timeZone?: string): string {
  return new Intl.DateTimeFormat('en', { ...OPTIONS[style], ...(timeZone && { timeZone }) }).format(date)
}

/**
 * A time in the reader's own time zone, with UTC on hover. The server renders UTC (it cannot know
 * the reader's zone, and cached pages are shared); the browser swaps in local time after load.
 */
export function LocalTime({ iso, style = 'datetime' }: { iso: string; style?: Style }) {
  const date = new Date(iso)
  const utc = format(date, style, 'UTC')
  const [text, setText] = useState(utc)
  useEffect(() => setText(format(new Date(iso), style)), [iso, style])
  return (
    <time dateTime={iso} title={`${format(date, 'datetime', 'UTC')}`} suppressHydrationWarning>
      {text}
    </time>
  )
}
