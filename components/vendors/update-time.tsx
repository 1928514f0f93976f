import { LocalTime } from '@/components/time/local-time'

/**
 * When an incident update was posted, in the reader's zone; "time unknown" when the vendor's own
 * stamp could not be placed (an unknown zone abbreviation in a feed): then the stored time is the
 * feed item's, not the update's, and showing it would make one up.
 */
export function UpdateTime({ publishedAt, timeUnknown }: { publishedAt: Date; timeUnknown: boolean }) {
  if (timeUnknown) {
    return (
      <span data-testid="update-time-unknown" title="The status page gave a time we could not place">
        time unknown
      </span>
    )
  }
  return <LocalTime iso={publishedAt.toISOString()} />
}
