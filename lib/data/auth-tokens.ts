// Single-use links: email verification, email change, password reset. Only the token's sha256 is
// stored. Redeeming a token and applying its effect happen in one transaction, so a link works at
// most once and a failed effect leaves the link usable.
//
// Every link is bound to the account's security state: the row keeps the user's securityVersion
// from when it was issued, and a link works only while the user still has that version. A password
// change, a reset and a confirmed email change bump it, so a link mailed before any of them (say,
// an email change requested by someone who knew the old password) is dead afterwards.
import { db } from '@/lib/db/client'
import type { TokenPurpose } from '@/lib/db/generated/enums'
import { createToken, hashToken, TOKEN_TTL_MS } from '@/lib/auth/tokens'
import { isUniqueViolation } from './prisma-errors'

/** Issues a new link token; earlier unused tokens of the same purpose stop working. */
export async function issueAuthToken(args: { userId: string; purpose: TokenPurpose; email: string; now: Date }): Promise<string> {
  const token = createToken()
  await db.$transaction(async (tx) => {
    const { securityVersion } = await tx.user.findUniqueOrThrow({ where: { id: args.userId }, select: { securityVersion: true } })
    await tx.authToken.deleteMany({ where: { userId: args.userId, purpose: args.purpose, usedAt: null } })
    await tx.authToken.create({
      data: {
        userId: args.userId,
        purpose: args.purpose,
        email: args.email,
        securityVersion,
        tokenHash: hashToken(token),
        expiresAt: new Date(args.now.getTime() + TOKEN_TTL_MS[args.purpose]),
      },
    })
  })
  return token
}

/** The account's security state moved on while a link was being redeemed: roll back, refuse. */
class StaleLink extends Error {}

/** A link row is live when unused, unexpired, and issued at the user's current security version. */
function isLive(row: { usedAt: Date | null; expiresAt: Date; securityVersion: number; user: { securityVersion: number } }, now: Date): boolean {
  return !row.usedAt && row.expiresAt > now && row.securityVersion === row.user.securityVersion
}

export type EmailTokenOutcome =
  | { kind: 'verified'; email: string }
  | { kind: 'email_changed'; email: string; previousEmail: string }
  | { kind: 'email_taken' }
  | { kind: 'invalid' }

/** The /verify link: confirms the account's address, or switches the account to a new one. */
export async function redeemEmailToken(token: string, now: Date): Promise<EmailTokenOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.authToken.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { user: { select: { email: true, securityVersion: true } } },
      })
      if (!row || !isLive(row, now) || row.purpose === 'reset_password') return { kind: 'invalid' as const }
      if (row.purpose === 'change_email') {
        const owner = await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })
        if (owner && owner.id !== row.userId) return { kind: 'email_taken' as const }
      }
      const claimed = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } })
      if (claimed.count !== 1) return { kind: 'invalid' as const }
      if (row.purpose === 'verify_email') {
        // A link sent to an address the account no longer has proves nothing about the current one.
        if (row.email !== row.user.email) return { kind: 'invalid' as const }
        await tx.user.update({ where: { id: row.userId }, data: { emailVerified: now } })
        return { kind: 'verified' as const, email: row.email }
      }
      // Conditional on the version read above: a password change committed in between wins.
      const moved = await tx.user.updateMany({
        where: { id: row.userId, securityVersion: row.securityVersion },
        data: { email: row.email, emailVerified: now, securityVersion: { increment: 1 } },
      })
      if (moved.count !== 1) throw new StaleLink()
      // Links to the old address (reset, verification) and any other pending change are void.
      await tx.authToken.deleteMany({ where: { userId: row.userId, usedAt: null } })
      return { kind: 'email_changed' as const, email: row.email, previousEmail: row.user.email }
    })
  } catch (e) {
    // Rolled back, so the link was not spent; it is dead anyway (its version is gone).
    if (e instanceof StaleLink) return { kind: 'invalid' }
    // Someone else took the new address between the request and the click.
    if (isUniqueViolation(e)) return { kind: 'email_taken' }
    throw e
  }
}

/** Whether a reset link is still good (the reset page shows its form only then). */
export async function isResetTokenValid(token: string, now: Date): Promise<boolean> {
  const row = await db.authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, securityVersion: true, user: { select: { securityVersion: true } } },
  })
  return !!row && row.purpose === 'reset_password' && isLive(row, now)
}

/**
 * Sets a new password through a reset link. Signs out every session (sessionVersion), voids every
 * other outstanding link (securityVersion, and the rows go), and, since the link reached the inbox,
 * counts as verifying the address. Returns the account's email.
 */
export async function redeemPasswordReset(token: string, passwordHash: string, now: Date): Promise<{ email: string } | null> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.authToken.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { user: { select: { email: true, emailVerified: true, securityVersion: true } } },
      })
      if (!row || row.purpose !== 'reset_password' || !isLive(row, now) || row.email !== row.user.email) return null
      const claimed = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } })
      if (claimed.count !== 1) return null
      const reset = await tx.user.updateMany({
        where: { id: row.userId, securityVersion: row.securityVersion },
        data: {
          passwordHash,
          sessionVersion: { increment: 1 },
          securityVersion: { increment: 1 },
          ...(!row.user.emailVerified && { emailVerified: now }),
        },
      })
      if (reset.count !== 1) throw new StaleLink()
      await tx.authToken.deleteMany({ where: { userId: row.userId, usedAt: null } })
      return { email: row.user.email }
    })
  } catch (e) {
    if (e instanceof StaleLink) return null
    throw e
  }
}

/** The address an email change is waiting to be confirmed at, if any. */
export async function findPendingEmailChange(userId: string, now: Date): Promise<{ email: string; createdAt: Date } | null> {
  const row = await db.authToken.findFirst({
    where: { userId, purpose: 'change_email', usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { email: true, createdAt: true, usedAt: true, expiresAt: true, securityVersion: true, user: { select: { securityVersion: true } } },
  })
  return row && isLive(row, now) ? { email: row.email, createdAt: row.createdAt } : null
}
