// Billing state: the user's Stripe customer, their one subscription row, and the ids of Stripe
// events already handled. Only the Stripe webhook (lib/billing/webhook.ts) writes subscriptions;
// pages and the success page only read them.
import { planForSubscriptionStatus, type Plan } from '@/lib/plans/plans'
import { shouldReplace, TERMINAL_STATUSES, type HeardState } from '@/lib/plans/subscription-state'
import { db } from '@/lib/db/client'
import type { Prisma } from '@/lib/db/generated/client'

type Tx = Prisma.TransactionClient

export interface BillingState {
  plan: Plan
  stripeCustomerId: string | null
  subscription: { status: string; currentPeriodEnd: Date | null; cancelAtPeriodEnd: boolean } | null
}

export async function getBillingState(userId: string): Promise<BillingState> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { stripeCustomerId: true, subscription: { select: { status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true } } },
  })
  const subscription = user?.subscription ?? null
  return { plan: planForSubscriptionStatus(subscription?.status), stripeCustomerId: user?.stripeCustomerId ?? null, subscription }
}

export async function getPlan(userId: string): Promise<Plan> {
  return (await getBillingState(userId)).plan
}

/** The email and Stripe customer a checkout starts from. */
export async function getBillingIdentity(userId: string): Promise<{ email: string; stripeCustomerId: string | null } | null> {
  return db.user.findUnique({ where: { id: userId }, select: { email: true, stripeCustomerId: true } })
}

/**
 * Remembers the user's Stripe customer unless one is already remembered, and returns the one that
 * is: two racing checkouts agree on a single customer.
 */
export async function claimStripeCustomerId(userId: string, stripeCustomerId: string): Promise<string> {
  await linkStripeCustomer(db, userId, stripeCustomerId)
  const user = await db.user.findUnique({ where: { id: userId }, select: { stripeCustomerId: true } })
  return user?.stripeCustomerId ?? stripeCustomerId
}

export async function isStripeEventProcessed(eventId: string): Promise<boolean> {
  return (await db.stripeEvent.count({ where: { id: eventId } })) > 0
}

/**
 * Runs `apply` and records the event id in one transaction, so an event has its effect exactly
 * once: a replay (or a concurrent second delivery, which waits on the first one's insert) finds
 * the id taken and changes nothing. If `apply` throws, nothing is recorded and Stripe retries.
 */
export async function processStripeEventOnce(event: { id: string; type: string }, apply: (tx: Tx) => Promise<void>): Promise<'processed' | 'duplicate'> {
  return db.$transaction(
    async (tx) => {
      const { count } = await tx.stripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true })
      if (count === 0) return 'duplicate' as const
      await apply(tx)
      return 'processed' as const
    },
    { maxWait: 10_000, timeout: 20_000 },
  )
}

/** Who a subscription belongs to: its metadata's user id when that user exists, else its customer's owner. */
async function ownerOf(tx: Tx, heard: HeardState): Promise<string | null> {
  if (heard.state.userId) {
    const user = await tx.user.findUnique({ where: { id: heard.state.userId }, select: { id: true } })
    if (user) return user.id
  }
  const byCustomer = await tx.user.findUnique({ where: { stripeCustomerId: heard.state.stripeCustomerId }, select: { id: true } })
  return byCustomer?.id ?? null
}

export type SubscriptionWrite = 'written' | 'stale' | 'no_such_user'

/**
 * Stores a subscription state heard from Stripe if it is the latest (see shouldReplace). The
 * user's row is locked first, so two handlers for one user apply one after the other.
 */
export async function writeSubscriptionState(tx: Tx, heard: HeardState): Promise<SubscriptionWrite> {
  const userId = await ownerOf(tx, heard)
  if (!userId) return 'no_such_user'
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`
  const stored = await tx.subscription.findUnique({ where: { userId }, select: { stripeSubscriptionId: true, status: true, lastEventAt: true } })
  if (!shouldReplace(stored, heard)) return 'stale'
  const { state } = heard
  const data = {
    stripeSubscriptionId: state.stripeSubscriptionId,
    stripeCustomerId: state.stripeCustomerId,
    status: state.status,
    priceId: state.priceId,
    currentPeriodEnd: state.currentPeriodEnd,
    cancelAtPeriodEnd: state.cancelAtPeriodEnd,
    lastEventAt: heard.eventAt,
  }
  // stripeSubscriptionId is unique too: a subscription that moved between users (a customer
  // re-linked by hand) leaves its old row first.
  await tx.subscription.deleteMany({ where: { stripeSubscriptionId: state.stripeSubscriptionId, NOT: { userId } } })
  await tx.subscription.upsert({ where: { userId }, create: { userId, ...data }, update: data })
  await linkStripeCustomer(tx, userId, state.stripeCustomerId)
  return 'written'
}

/** Links a customer to the user, unless the user already has one (then the first link stands). */
export async function linkStripeCustomer(tx: Tx | typeof db, userId: string, stripeCustomerId: string): Promise<void> {
  await tx.user.updateMany({ where: { id: userId, stripeCustomerId: null }, data: { stripeCustomerId } })
}

/** The subscription to cancel when an account is deleted. */
export async function getLiveSubscriptionId(userId: string): Promise<string | null> {
  const row = await db.subscription.findUnique({ where: { userId }, select: { stripeSubscriptionId: true, status: true } })
  return row && !TERMINAL_STATUSES.includes(row.status) ? row.stripeSubscriptionId : null
}
