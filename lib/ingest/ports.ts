// The data the refresh may touch, by name: each port lists the tables (lib/data modules) and the
// operations on them that a part of the pipeline uses, so a reader sees its reach and a test can
// hand in exactly that. The app and the tests pass the real modules (lib/data/refresh-data.ts).
import type * as refreshRuns from '@/lib/data/refresh-runs'
import type * as statusSources from '@/lib/data/status-sources'
import type * as vendorSnapshots from '@/lib/data/vendor-snapshots'

/** Checking one claimed vendor: read its stored state, write the outcome, or hand the lease back. */
export interface CheckVendorData {
  statusSources: Pick<typeof statusSources, 'recordCheckUnchanged' | 'recordCheckFailure' | 'releaseLease'>
  vendorSnapshots: Pick<typeof vendorSnapshots, 'loadVendorState' | 'applyVendorChanges'>
}

/** A refresh cycle: what its vendor checks touch, plus claiming sources and the run's own record. */
export interface RefreshData {
  statusSources: CheckVendorData['statusSources'] & Pick<typeof statusSources, 'claimDueSources' | 'countDueSources' | 'recordChecksAndClaim'>
  vendorSnapshots: CheckVendorData['vendorSnapshots']
  refreshRuns: Pick<typeof refreshRuns, 'openRefreshRun' | 'closeRefreshRun' | 'closeAbandonedRefreshRuns'>
}
