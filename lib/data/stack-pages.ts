// A user's watchlist published as a page: a private link (a random token, only its sha256 stored)
// and/or a public name. Every write takes the signed-in user's id; the readers resolve a token or
// a name to the owner and read that owner's watchlist, nothing else.
import { createToken, hashToken, TOKEN_PATTERN } from '@/lib/auth/tokens'
import { db } from '@/lib/db/client'
import { ConflictError } from '@/lib/errors'
import { OPEN_MAINTENANCE_STATUSES, RUNNING_MAINTENANCE_STATUSES, UNENDED_WINDOW_MS } from '@/lib/status/lifecycle'
import { isSlug } from '@/lib/validation/url-input'
import { isUniqueViolation } from './prisma-errors'
import { ACTIVE_INCIDENT } from './watchlist'

export interface StackPageSettings {
  privateLink: boolean
  slug: string | null
}

export async function getStackPageSettings(userId: string): Promise<StackPageSettings> {
  const row = await db.stackPage.findUnique({ where: { userId }, select: { tokenHash: true, slug: true } })
  return { privateLink: Boolean(row?.tokenHash), slug: row?.slug ?? null }
}

/**
 * Issues a new private link and returns its token (shown once; only the hash is kept). Any earlier
 * link stops working in the same write: regenerating is revoking plus issuing.
 */
export async function issueStackToken(userId: string): Promise<string> {
  const token = createToken()
  const tokenHash = hashToken(token)
  await db.stackPage.upsert({ where: { userId }, create: { userId, tokenHash }, update: { tokenHash } })
  return token
}

/** The private link stops working at once (the next request for it is a 404). */
export async function revokeStackToken(userId: string): Promise<void> {
  await db.stackPage.updateMany({ where: { userId }, data: { tokenHash: null } })
}

/** Publishes the stack under `slug`. Throws ConflictError when another user has that name. */
export async function setStackSlug(userId: string, slug: string): Promise<void> {
  try {
    await db.stackPage.upsert({ where: { userId }, create: { userId, slug }, update: { slug } })
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError('That name is taken. Choose another.')
    throw e
  }
}

export async function clearStackSlug(userId: string): Promise<void> {
  await db.stackPage.updateMany({ where: { userId }, data: { slug: null } })
}

/** The owner of a private link, or null (malformed, revoked or never issued). */
export async function findStackOwnerByToken(token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null
  const row = await db.stackPage.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true } })
  return row?.userId ?? null
}

export async function findStackOwnerBySlug(slug: string): Promise<string | null> {
  if (!isSlug(slug)) return null
  const row = await db.stackPage.findUnique({ where: { slug }, select: { userId: true } })
  return row?.userId ?? null
}

/** Updates per incident in the stack's Atom feed: the latest words, not the whole thread. */
const STACK_FEED_UPDATES = 5

const componentRef = { select: { componentId: true } } as const

/**
 * What the owner chose, read on every view (one indexed read): the watched vendors' slugs in the
 * order they were added, and each watch's components. Nothing else on the page is the owner's.
 */
export async function findStackWatches(userId: string) {
  return db.watchlistEntry.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { allComponents: true, components: componentRef, vendor: { select: { slug: true } } },
  })
}

export type StackWatch = Awaited<ReturnType<typeof findStackWatches>>[number]

/**
 * One vendor as every stack page shows it: its status, its active incidents and its open
 * maintenance (scheduled or running, not yet over at `now`: lib/status/lifecycle.ts
 * isOpenMaintenanceAt), with the component ids each names so the caller can apply a watch's
 * component choice. The same for every owner, so it can be cached and shared (lib/pages/stack-page-cache.ts).
 */
export async function findStackVendors(slugs: readonly string[], now: Date) {
  if (slugs.length === 0) return []
  return db.vendor.findMany({
    where: { slug: { in: [...slugs] } },
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      statusText: true,
      source: { select: { platform: true, apiUrl: true, lastCheckedAt: true, lastSuccessAt: true, consecutiveFailures: true, lastError: true } },
      incidents: {
        where: ACTIVE_INCIDENT,
        orderBy: { startedAt: 'desc' },
        select: {
          id: true,
          title: true,
          status: true,
          impact: true,
          startedAt: true,
          resolvedAt: true,
          updatedAt: true,
          components: componentRef,
          updates: { orderBy: { publishedAt: 'desc' }, take: STACK_FEED_UPDATES, select: { status: true, body: true, publishedAt: true } },
        },
      },
      maintenances: {
        where: {
          status: { in: [...OPEN_MAINTENANCE_STATUSES] },
          OR: [
            { scheduledUntil: { gte: now } },
            // No announced end: running ones stay; a window still "scheduled" a day after its start is a leftover, not upcoming.
            { scheduledUntil: null, status: { in: [...RUNNING_MAINTENANCE_STATUSES] } },
            { scheduledUntil: null, scheduledFor: { gte: new Date(now.getTime() - UNENDED_WINDOW_MS) } },
          ],
        },
        orderBy: { scheduledFor: 'asc' },
        select: { id: true, title: true, status: true, scheduledFor: true, scheduledUntil: true, body: true, updatedAt: true, components: componentRef },
      },
    },
  })
}

export type StackVendorContent = Awaited<ReturnType<typeof findStackVendors>>[number]

/** A watch joined with its vendor's content: what the stack model is built from. */
export interface StackContentRow {
  allComponents: boolean
  components: { componentId: string }[]
  vendor: StackVendorContent
}
