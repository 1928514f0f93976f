// Thrown by a write fenced on a source's lease (status-sources.ts) when another worker holds the
// lease now: its result stands, ours is void. Kept apart from the queries so the pipeline can
// recognise it without loading the database client.
export class LeaseLostError extends Error {
  override name = 'LeaseLostError'
}

/** By name, not instanceof: bundles may hold two copies of the class (see isFetchError). */
export const isLeaseLostError = (e: unknown): e is LeaseLostError => e instanceof Error && e.name === 'LeaseLostError'
