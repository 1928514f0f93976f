// The public name of a stack page (/stacks/{name}).
import { z } from 'zod'
import { SLUG_PATTERN } from '@/lib/catalog/slug'

/** Names that would read as ours rather than the user's. */
const RESERVED = new Set(['admin', 'api', 'vendorwatch', 'new', 'settings', 'status', 'support', 'www'])

export const stackSlugSchema = z.object({
  slug: z
    .string({ error: 'Choose a name' })
    .trim()
    .toLowerCase()
    .min(3, 'At least 3 characters')
    .max(40, 'At most 40 characters')
    .regex(SLUG_PATTERN, 'Lowercase letters, digits and single hyphens only (like acme-platform)')
    .refine((s) => !RESERVED.has(s), 'That name is reserved. Choose another.'),
})
