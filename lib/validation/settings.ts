// Forms of the account settings page.
import { z } from 'zod'
import { currentPasswordSchema, emailSchema, newPasswordSchema } from './auth'
import { canonicalTimeZone } from './time-zone'

export const timeZoneSchema = z.object({
  timeZone: z
    .string({ error: 'Choose a time zone' })
    .transform((v, ctx) => {
      const zone = canonicalTimeZone(v)
      if (!zone) ctx.addIssue({ code: 'custom', message: 'Choose a time zone from the list' })
      return zone ?? 'UTC'
    }),
})

export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: currentPasswordSchema })

export const changePasswordSchema = z
  .object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: 'The two passwords do not match' })

export const deleteAccountSchema = z.object({ currentPassword: currentPasswordSchema })
