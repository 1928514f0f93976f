import { Prisma } from '@/lib/db/generated/client'

/** A unique constraint refused the write (two requests raced for the same key). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'
}
