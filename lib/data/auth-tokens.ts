// Single-use links: email verification, email change, password reset. Only the token's sha256 is
// stored. Redeeming a token and applying its effect happen in one transaction, so a link works at
// most once and a failed effect leaves the link usable.
import { db } from '@/lib/db/client'
import type { TokenPurpose } from '@/lib/db/generated/enums'
import { createToken, hashToken, TOKEN_TTL_MS } from '@/lib/auth/tokens'
import { isUniqueViolation } from './prisma-errors'

/** Issues a new link token; earlier unused tokens of the same purpose stop working. */
export async function issueAuthToken(args: { userId: string; purpose: TokenPurpose; email: string; now: Date }): Promise<string> {
  const token = createToken()
  await db.$transaction([
    db.authToken.deleteMany({ where: { userId: args.userId, purpose: args.purpose, usedAt: null } }),
    db.authToken.create({
      data: {
        userId: args.userId,
        purpose: args.purpose,
        email: args.email,
        tokenHash: hashToken(token),
        expiresAt: new Date(args.now.getTime() + TOKEN_TTL_MS[args.purpose]),
      },
    }),
  ])
  return token
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
      const row = await tx.authToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { email: true } } } })
      if (!row || row.usedAt || row.expiresAt <= now || row.purpose === 'reset_password') return { kind: 'invalid' as const }
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
      await tx.user.update({ where: { id: row.userId }, data: { email: row.email, emailVerified: now } })
      await tx.authToken.deleteMany({ where: { userId: row.userId, usedAt: null, purpose: { in: ['verify_email', 'reset_password'] } } })
      return { kind: 'email_changed' as const, email: row.email, previousEmail: row.user.email }
    })
  } catch (e) {
    // Someone else took the new address between the request and the click.
    if (isUniqueViolation(e)) return { kind: 'email_taken' }
    throw e
  }
}

/** Whether a reset link is still good (the reset page shows its form only then). */
export async function isResetTokenValid(token: string, now: Date): Promise<boolean> {
  const row = await db.authToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { purpose: true, usedAt: true, expiresAt: true } })
  return !!row && row.purpose === 'reset_password' && !row.usedAt && row.expiresAt > now
}

/**
 * Sets a new password through a reset link. Signs out every session (sessionVersion) and, since
 * the link reached the inbox, counts as verifying the address. Returns the account's email.
 */
export async function redeemPasswordReset(token: string, passwordHash: string, now: Date): Promise<{ email: string } | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.authToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { email: true, emailVerified: true } } } })
    if (!row || row.purpose !== 'reset_password' || row.usedAt || row.expiresAt <= now || row.email !== row.user.email) return null
    const claimed = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } })
    if (claimed.count !== 1) return null
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, ...(!row.user.emailVerified && { emailVerified: now }) },
    })
    return { email: row.user.email }
  })
}

/** The address an email change is waiting to be confirmed at, if any. */
export async function findPendingEmailChange(userId: string, now: Date): Promise<{ email: string; createdAt: Date } | null> {
  return db.authToken.findFirst({
    where: { userId, purpose: 'change_email', usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { email: true, createdAt: true },
  })
}
