// What the diff compares a fresh snapshot against: the stored state of one vendor, as the data
// layer loads it (lib/data/vendor-snapshots.ts, through the port in ports.ts).
export type { StoredComponent, StoredGroup, StoredIncident, StoredMaintenance, StoredUpdate, StoredVendorState } from '@/lib/data/vendor-snapshots'
