// Which watches a plan pauses. After a downgrade nothing is deleted: the user's oldest watches,
// up to the plan's limit, keep alerting and the rest are paused. The notifier ranks watches in
// SQL with lib/data/watch-slots.ts; this is the dashboard's copy of the same rule, and
// paused.int.test.ts runs both on the real database and checks they agree.

export interface WatchAge {
  id: string
  createdAt: Date
}

export function pausedWatchIds(watches: readonly WatchAge[], limit: number): Set<string> {
  const byAge = [...watches].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return new Set(byAge.slice(limit).map((w) => w.id))
}
