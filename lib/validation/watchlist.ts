// Forms of the watchlist: the Watch button and a watch's alert preferences.
import { z } from 'zod'
import { SLUG_PATTERN } from '@/lib/catalog/catalog-row'

export const vendorSlugSchema = z.string({ error: 'Unknown vendor' }).regex(SLUG_PATTERN, 'Unknown vendor').max(64, 'Unknown vendor')

export const watchToggleSchema = z.object({
  vendor: vendorSlugSchema,
  intent: z.enum(['watch', 'unwatch'], { error: 'Unknown action' }),
  /** "yes": the user confirmed watching a vendor that is not monitored (no alerts). */
  confirmNoAlerts: z.literal('yes').optional(),
})

/** The least impact an incident needs to alert a watch. */
export const MIN_IMPACTS = ['any', 'minor', 'major'] as const
export type MinImpact = (typeof MIN_IMPACTS)[number]
/** How a watch's alerts arrive: each by itself, or in the reader's daily digest. */
export const DELIVERY_MODES = ['instant', 'digest'] as const
export type DeliveryMode = (typeof DELIVERY_MODES)[number]

/** A checkbox posts "on" when ticked and nothing when not. */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean())

export const watchPreferencesSchema = z
  .object({
    vendor: vendorSlugSchema,
    scope: z.enum(['all', 'chosen'], { error: 'Choose which components to hear about' }),
    components: z.array(z.string().min(1).max(64)).max(500).default([]),
    minImpact: z.enum(MIN_IMPACTS, { error: 'Choose a minimum impact' }),
    maintenance: checkbox,
    /** Possible outages (unofficial early warning, issue 19): off unless ticked. */
    possibleOutages: checkbox,
    /** A component's status changing without an incident (off unless ticked: noisy). */
    componentChanges: checkbox,
    delivery: z.enum(DELIVERY_MODES, { error: 'Choose how to receive alerts' }),
  })
  .refine((v) => v.scope === 'all' || v.components.length > 0, { path: ['components'], error: 'Choose at least one component, or all of them' })

export type WatchPreferencesInput = z.output<typeof watchPreferencesSchema>

/** The "turn alerts back on / off" buttons: the whole account, or one watched vendor. */
export const alertSwitchSchema = z.object({
  vendor: z.preprocess((v) => (v === null || v === '' ? undefined : v), vendorSlugSchema.optional()),
  on: z.enum(['true', 'false'], { error: 'Unknown action' }).transform((v) => v === 'true'),
})

/** "Watch any status page": the address a user pasted (checked and fetched by lib/catalog/add-by-url.ts). */
export const addStatusPageSchema = z.object({
  url: z.string({ error: 'Paste the address of a status page' }).trim().min(1, 'Paste the address of a status page').max(2000, 'That address is too long'),
})
