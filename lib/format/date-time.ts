// Absolute times in one readable form. Server-rendered pages use UTC (the reader's own zone is
// applied in the browser where it matters).
const utcFormatter = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
})

export function formatUtc(date: Date): string {
  return `${utcFormatter.format(date)} UTC`
}

/** "2 h 5 min", "45 min", "3 d 4 h": how long something lasted. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`
}

/**
 * How long something has lasted, for a reader: "under a minute" below one, else formatDuration.
 * formatDuration rounds 20 seconds to "0 min", which reads as "nothing happened"; an incident
 * that started 20 seconds ago is "ongoing for under a minute" (lib/status/answer.ts says the same).
 */
export function formatElapsed(ms: number): string {
  return ms < 60_000 ? 'under a minute' : formatDuration(ms)
}
