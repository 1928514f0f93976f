// What the per-area diffs (components, incidents, maintenances) share with the diff that calls them:
// the vendor, the clock, baseline or not, and where to record events. Its own module so the
// per-area files depend on it and diff.ts depends on them, with no import going back up.
import type { ChangeEventWrite } from '@/lib/data/change-events'

/** A change event the diff plans is exactly what the data layer writes (lib/data/change-events.ts). */
export type PlannedEvent = ChangeEventWrite

/** Context shared by the per-area diffs. */
export interface DiffContext {
  vendorId: string
  now: Date
  baseline: boolean
  emit: (event: Omit<PlannedEvent, 'baseline'>) => void
}
