// Forms of the destinations page (/settings/destinations).
import { z } from 'zod'

export const PASTED_KINDS = ['webhook', 'pagerduty', 'discord', 'google_chat', 'teams'] as const

export const addDestinationSchema = z.object({
  kind: z.enum(PASTED_KINDS, { error: 'Choose what to add' }),
  name: z.string({ error: 'Give it a name' }).trim().min(1, 'Give it a name').max(60, 'At most 60 characters'),
  target: z.string({ error: 'Paste the URL or key' }).trim().min(1, 'Paste the URL or key').max(2_000, 'That is too long for a URL or key'),
})

export const destinationIdSchema = z.object({ id: z.string().min(1).max(64) })

export const toggleDestinationSchema = z.object({ id: z.string().min(1).max(64), enabled: z.enum(['true', 'false']).transform((v) => v === 'true') })

export const watchRoutingSchema = z.object({
  vendor: z.string().min(1).max(100),
  routing: z.enum(['all', 'chosen'], { error: 'Choose where alerts go' }),
  destinations: z.array(z.string().min(1).max(64)).max(50).default([]),
})
