// Query parameters of the vendor directory and GET /api/v1/vendors.
import { z } from 'zod'
import { SLUG_PATTERN } from '@/lib/catalog/catalog-row'
import { hasControlChars } from './url-input'

export const VENDOR_PAGE_SIZE = 50
export const MAX_VENDOR_PAGE_SIZE = 200

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

export const vendorQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100, 'q is longer than 100 characters').refine((v) => !hasControlChars(v), 'q contains control characters').optional()),
  category: z.preprocess(blankToUndefined, z.string().trim().max(40, 'category is longer than 40 characters').refine((v) => !hasControlChars(v), 'category contains control characters').optional()),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'limit must be a number' })
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(MAX_VENDOR_PAGE_SIZE, `limit must be at most ${MAX_VENDOR_PAGE_SIZE}`)
      .default(VENDOR_PAGE_SIZE),
  ),
  /** Opaque to clients; it is the slug of the last vendor on the previous page. */
  cursor: z.preprocess(blankToUndefined, z.string().regex(SLUG_PATTERN, 'cursor is not valid').optional()),
})

export type VendorQuery = z.infer<typeof vendorQuerySchema>
