// Which status sources the refresh polls: enabled, on a platform we read, with an address (status.io
// finds its own page id). The refresh's claim (lib/data/status-sources.ts, raw SQL over `s`) and the
// counts that judge it (/api/health, the "is it us?" network facts) must mean the same sources: a
// source counted as monitored that the claim never takes reads as "never checked" forever.
// The rule is written here once in each query language; pollable-sources.int.test.ts holds them equal,
// and lib/status/monitored.ts is the same rule for one loaded source.
import { Prisma } from '@/lib/db/generated/client'

/** As a Prisma filter. Spread it into a `where` that has no `OR` of its own. */
export const POLLABLE_SOURCE = {
  enabled: true,
  platform: { not: 'unknown' },
  OR: [{ apiUrl: { not: null } }, { platform: 'statusio' }],
} as const satisfies Prisma.StatusSourceWhereInput

/** As SQL over the StatusSource row aliased `s`. */
export const POLLABLE_SOURCE_SQL = Prisma.sql`s.enabled AND s.platform <> 'unknown' AND (s."apiUrl" IS NOT NULL OR s.platform = 'statusio')`
