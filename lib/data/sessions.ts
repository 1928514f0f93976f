// Signed-out sessions (see RevokedSession in the schema). Sessions themselves live in cookies;
// this table only lists the ids that must no longer be accepted.
import { db } from '@/lib/db/client'

/**
 * Records a signed-out session id until `expiresAt`, and prunes revocations that have run out
 * (past them no cookie with that id can still be valid, so the row would only take space).
 */
export async function revokeSession(id: string, expiresAt: Date, now: Date): Promise<void> {
  await db.$transaction([
    db.revokedSession.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.revokedSession.createMany({ data: [{ id, expiresAt }], skipDuplicates: true }),
  ])
}

export async function isSessionRevoked(id: string): Promise<boolean> {
  return (await db.revokedSession.count({ where: { id } })) > 0
}
