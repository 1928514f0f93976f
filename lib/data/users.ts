// Users' own rows. Every function that reads or changes an account takes the id of the signed-in
// user (from the session, never from a form) and touches only that row.
import { db } from '@/lib/db/client'
import { ConflictError } from '@/lib/errors'
import { isUniqueViolation } from './prisma-errors'

export interface NewUser {
  email: string
  passwordHash: string
  timeZone: string
}

/** Throws ConflictError when the email already has an account. */
export async function createUser(input: NewUser): Promise<{ id: string; email: string }> {
  try {
    return await db.user.create({ data: input, select: { id: true, email: true } })
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError('An account with this email already exists')
    throw e
  }
}

/** For sign-in only: the one place a password hash leaves the data layer. */
export async function findUserCredentials(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true, sessionVersion: true } })
}

export async function findUserIdByEmail(email: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null
}

/** What a session token is checked against on every request (see lib/auth/config.ts). */
export async function getSessionState(userId: string): Promise<{ email: string; sessionVersion: number } | null> {
  return db.user.findUnique({ where: { id: userId }, select: { email: true, sessionVersion: true } })
}

export async function getAccount(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, emailVerified: true, timeZone: true, createdAt: true, passwordHash: true },
  })
  if (!user) return null
  const { passwordHash, ...rest } = user
  return { ...rest, hasPassword: passwordHash !== null }
}

export type Account = NonNullable<Awaited<ReturnType<typeof getAccount>>>

export async function getPasswordHash(userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }))?.passwordHash ?? null
}

/** Upgrades the stored hash to current parameters; the password itself is unchanged. */
export async function replacePasswordHash(userId: string, passwordHash: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { passwordHash } })
}

/**
 * A new password: every existing session (JWTs carrying the old sessionVersion) and every link
 * mailed before it (securityVersion, see auth-tokens.ts) stop working.
 */
export async function setPassword(userId: string, passwordHash: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 }, securityVersion: { increment: 1 } } })
}

export async function updateTimeZone(userId: string, timeZone: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { timeZone } })
}

/** Deletes the user and, through ON DELETE CASCADE, everything that belongs to them. */
export async function deleteUser(userId: string): Promise<boolean> {
  const { count } = await db.user.deleteMany({ where: { id: userId } })
  return count === 1
}
