// Wire schemas of the Atlassian Statuspage public API v2 (research §2.2), limited to the fields
// Vendorwatch reads. incident.io answers the same paths with a thinner payload (research §3.1:
// ULID ids, no groups, no scheduled_maintenances, incidents without components/started_at/
// resolved_at/shortlink), so everything incident.io leaves out is optional here.
// Enum-like strings stay `z.string()`: the lookup tables in statuspage-normalize.ts map them, so a
// value Statuspage adds tomorrow becomes `unknown` instead of failing the whole body.
import { z } from 'zod'
import { zOptionalDate } from './parse-helpers'

/**
 * An optional timestamp whose key may be missing. zod 4 rejects an absent key for the bare
 * `zOptionalDate` (a transform is not optional on input), and these payloads omit keys freely.
 */

export const statuspagePageSchema = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  url: z.string().nullish(),
})

export const statuspageComponentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  position: z.number().nullish(),
  description: z.string().nullish(),
  group: z.boolean().nullish(),
  group_id: z.string().nullish(),
  only_show_if_degraded: z.boolean().nullish(),
  /** Only on groups: the ids of their children. */
  components: z.array(z.string()).nullish(),
})
export type StatuspageComponent = z.output<typeof statuspageComponentSchema>

export const statuspageUpdateSchema = z.object({
  id: z.string().nullish(),
  status: z.string(),
  body: z.string().nullish(),
  created_at: zOptionalDate,
  updated_at: zOptionalDate,
  /** What the page shows; can be backdated (differs from created_at in 30% of GitHub updates). */
  display_at: zOptionalDate,
  affected_components: z.array(z.object({ code: z.string() })).nullish(),
})
export type StatuspageUpdate = z.output<typeof statuspageUpdateSchema>

export const statuspageIncidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  impact: z.string().nullish(),
  created_at: zOptionalDate,
  updated_at: zOptionalDate,
  started_at: zOptionalDate,
  resolved_at: zOptionalDate,
  shortlink: z.string().nullish(),
  incident_updates: z.array(statuspageUpdateSchema).nullish(),
  components: z.array(z.object({ id: z.string() })).nullish(),
  // Documented for incidents.json (MongoDB's OpenAPI), absent from every captured GitHub incident.
  postmortem_body: z.string().nullish(),
  postmortem_published_at: zOptionalDate,
  postmortem_body_last_updated_at: zOptionalDate,
  // Scheduled maintenances are incidents with these two extra fields.
  scheduled_for: zOptionalDate,
  scheduled_until: zOptionalDate,
})
export type StatuspageIncident = z.output<typeof statuspageIncidentSchema>

export const statuspageSummarySchema = z.object({
  page: statuspagePageSchema.nullish(),
  status: z.object({ indicator: z.string(), description: z.string().nullish() }),
  components: z.array(statuspageComponentSchema),
  // Absent (not empty) on incident.io's compatible summary: absence must not read as "none open".
  incidents: z.array(statuspageIncidentSchema).optional(),
  scheduled_maintenances: z.array(statuspageIncidentSchema).optional(),
})
export type StatuspageSummary = z.output<typeof statuspageSummarySchema>

export const statuspageIncidentListSchema = z.object({
  page: statuspagePageSchema.nullish(),
  incidents: z.array(statuspageIncidentSchema),
})

export const statuspageMaintenanceListSchema = z.object({
  page: statuspagePageSchema.nullish(),
  scheduled_maintenances: z.array(statuspageIncidentSchema),
})

/** `/api/v2/incidents/<id>.json`. */
export const statuspageSingleIncidentSchema = z.object({
  page: statuspagePageSchema.nullish(),
  incident: statuspageIncidentSchema,
})
