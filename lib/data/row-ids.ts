// Row ids for rows written by raw SQL, in the shape Prisma's @default(cuid()) gives the rest: 25
// lowercase letters and digits starting with "c" (lib/validation/url-input.ts accepts ids of that
// alphabet in links). Time first, so ids made later sort later, as cuids do; 16 random characters
// after it, so two processes writing in the same millisecond never collide.
import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

export function newRowId(now = Date.now()): string {
  const time = now.toString(36).padStart(8, '0').slice(-8)
  const bytes = randomBytes(16)
  let random = ''
  for (const b of bytes) random += ALPHABET[b % 36]
  return `c${time}${random}`
}
