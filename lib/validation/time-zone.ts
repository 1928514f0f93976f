// IANA time zones as the runtime's Intl knows them. Validation goes through Intl itself, so a
// zone we accept is always one we can format dates in.

/** The canonical name of a time zone ("utc" -> "UTC"), or null if Intl does not know it. */
export function canonicalTimeZone(value: string): string | null {
  if (!value || value.length > 64) return null
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** For the settings select: UTC first, then every zone Intl lists. */
export function listTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]
}
