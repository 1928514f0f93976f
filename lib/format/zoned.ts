// Absolute times in the reader's own time zone (signed-in pages know it from the account).
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' })
    formatters.set(timeZone, f)
  }
  return f
}

/** "Jun 3, 14:05 GMT+2". An unknown zone (cannot happen after validation) falls back to UTC. */
export function formatInTimeZone(date: Date, timeZone: string): string {
  try {
    return formatter(timeZone).format(date)
  } catch {
    return formatter('UTC').format(date)
  }
}

/** "June 3, 2026" in the reader's zone (the day a billing period ends). */
export function formatDateInTimeZone(date: Date, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric', year: 'numeric' }
  try {
    return new Intl.DateTimeFormat('en', { ...options, timeZone }).format(date)
  } catch {
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(date)
  }
}
