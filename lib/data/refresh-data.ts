// The refresh's data port (lib/ingest/ports.ts) over this process's database: the entity modules
// it reads and writes, bundled once so the app, the tests and the benchmarks wire it the same way.
import * as refreshRuns from './refresh-runs'
import * as statusSources from './status-sources'
import * as vendorSnapshots from './vendor-snapshots'

export const refreshData = { refreshRuns, statusSources, vendorSnapshots }
