// Forms of the sign-up, sign-in and password-reset pages.
import { z } from 'zod'
import { SLUG_PATTERN } from '@/lib/catalog/catalog-row'
import { TOKEN_PATTERN } from '@/lib/auth/tokens'
import { canonicalTimeZone } from './time-zone'

import { PASSWORD_MAX, PASSWORD_MIN } from './password-rules'

export { PASSWORD_MAX, PASSWORD_MIN }

export const emailSchema = z
  .string({ error: 'Enter your email address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address')
  .max(254, 'That email address is too long')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com' }))

export const newPasswordSchema = z
  .string({ error: 'Choose a password' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)

/** A password being checked, not chosen: any length we would have accepted. */
export const currentPasswordSchema = z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(PASSWORD_MAX, 'Enter your password')

/** Optional extras carried through the auth pages; a bad value is dropped, not an error. */
const watchSlug = z.string().regex(SLUG_PATTERN).max(64).optional().catch(undefined)
const returnPath = z.string().max(500).optional().catch(undefined)

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  /** Filled in by the browser; an unknown zone falls back to UTC (changeable in settings). */
  timeZone: z
    .string()
    .optional()
    .transform((v) => canonicalTimeZone(v ?? '') ?? 'UTC'),
  watch: watchSlug,
  next: returnPath,
})

export const signInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
  watch: watchSlug,
  next: returnPath,
})

/** What the Credentials provider accepts (Auth.js hands authorize() the posted fields). */
export const credentialsSchema = signInSchema.pick({ email: true, password: true })

export const forgotPasswordSchema = z.object({ email: emailSchema })

export const resetTokenSchema = z.string().regex(TOKEN_PATTERN, 'This link is not valid')

export const resetPasswordSchema = z
  .object({ token: resetTokenSchema, password: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], error: 'The two passwords do not match' })
