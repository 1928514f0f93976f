// Rows for one statement as ONE JSON parameter, read in SQL with jsonb_to_recordset. For batches
// on hot paths: Prisma's query compiler and its interpreter (and pg's array encoding) handle every
// element of an array parameter as an object of its own, so a batch as parallel arrays, or as
// createMany's rows, costs garbage per value; one string costs one string.
import { Prisma } from '@/lib/db/generated/client'

/**
 * A lone UTF-16 surrogate (a string cut between the halves of an emoji) becomes U+FFFD, as pg's
 * UTF-8 encoding of a text parameter turns it: JSON.stringify writes it as a `\ud83d` escape, which
 * jsonb refuses, and that would fail the whole batch instead of one character.
 */
const wellFormed = (_key: string, value: unknown) => (typeof value === 'string' ? value.toWellFormed() : value)

/** `$1::jsonb` of the rows: `jsonb_to_recordset(${jsonRows(rows)}) AS r(col type, ...)`. */
export function jsonRows(rows: readonly object[]): Prisma.Sql {
  return Prisma.sql`${JSON.stringify(rows, wellFormed)}::jsonb`
}

/**
 * A list of strings (row ids, upstream ids, enum values) as a subquery of one JSON parameter:
 * `WHERE id IN ${jsonIds(ids)}`. For the same reason as jsonRows: `id: { in: ids }` or
 * `unnest(ids::text[])` costs an object per value.
 */
export function jsonIds(ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`(SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`
}
