// One vendor in a catalog file: the contract of `npm run catalog:import` and of the seed data.
import { z } from 'zod'
import { platformSchema } from './platforms'
import { SLUG_PATTERN } from './slug'

export { SLUG_PATTERN }

const httpUrl = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v)
        return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.')
      } catch {
        return false
      }
    }, `${what} must be an absolute http(s) URL`)

/** Empty CSV cells arrive as "", which means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
/** Flags: JSON `true`, a CSV `true`/`yes`/`1`; false and blank mean "not set". */
const booleanCell = (v: unknown) => {
  if (v === true || (typeof v === 'string' && /^(true|yes|1)$/i.test(v.trim()))) return true
  if (v === false || v === undefined || v === null || (typeof v === 'string' && /^(false|no|0|)$/i.test(v.trim()))) return undefined
  return v
}

export const PLATFORM_CONFIDENCES = ['high', 'medium', 'low'] as const
export type PlatformConfidence = (typeof PLATFORM_CONFIDENCES)[number]

export const catalogRowSchema = z.object({
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(100, 'name is longer than 100 characters'),
  slug: z
    .string({ error: 'slug is required' })
    .trim()
    .max(64, 'slug is longer than 64 characters')
    .regex(SLUG_PATTERN, 'slug must be lowercase letters, digits and single dashes (e.g. "github" or "aws-eu")'),
  statusPageUrl: httpUrl('statusPageUrl'),
  platform: platformSchema,
  category: z.preprocess(blankToUndefined, z.string().trim().max(40, 'category is longer than 40 characters').optional()),
  /** Overrides the API/feed URL derived from the platform (required for rss). */
  apiUrl: z.preprocess(blankToUndefined, httpUrl('apiUrl').optional()),
  // Provenance (the seed carries it for every row; an import file may leave it out).
  /** The public lists the row came from, e.g. "statuscraft+statussy". */
  sources: z.preprocess(blankToUndefined, z.string().trim().max(200, 'sources is longer than 200 characters').optional()),
  /** How the platform was decided, in words. */
  platformEvidence: z.preprocess(blankToUndefined, z.string().trim().max(500, 'platformEvidence is longer than 500 characters').optional()),
  platformConfidence: z.preprocess(blankToUndefined, z.enum(PLATFORM_CONFIDENCES, { error: 'platformConfidence must be high, medium or low' }).optional()),
  /** No live check has confirmed the platform: `npm run catalog:verify` should decide it. */
  unverified: z.preprocess(booleanCell, z.literal(true).optional()),
  /** Kept out of the public directory until an operator has checked the vendor (see fold-catalog.ts). */
  pendingReview: z.preprocess(booleanCell, z.literal(true).optional()),
}).refine((row) => row.platform !== 'rss' || row.apiUrl !== undefined, {
  message: 'apiUrl (the feed URL) is required for platform rss',
  path: ['apiUrl'],
})

export type CatalogRow = z.infer<typeof catalogRowSchema>
