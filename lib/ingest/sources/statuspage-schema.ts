// Wire schemas of the Atlassian Statuspage public API v2 (docs/status-page-formats.md §2.2), limited to the fields
// Vendorwatch reads. incident.io answers the same paths with a thinner payload (docs/status-page-formats.md §3.1:
// ULID ids, no groups, no scheduled_maintenances, incidents without components/started_at/
// resolved_at/shortlink), so everything incident.io leaves out is optional here.
// Enum-like strings stay `z.string()`: the lookup tables in statuspage-normalize.ts map them, so a
// value Statuspage adds tomorrow becomes `unknown` instead of failing the whole body.
import { z } from 'zod'
import { zOptionalDate } from './parse-helpers'
import { zList } from './read-warnings'

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
  components: zList(z.string(), 'statuspage group member').nullish(),
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
  // Older incidents carry the placeholder [{"name": "No components were affected by this update."}]
  // with no code: a valid page, so a missing code is no warning, just no component.
  affected_components: zList(z.object({ code: z.string().nullish() }), 'statuspage affected component').nullish(),
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
  incident_updates: zList(statuspageUpdateSchema, 'statuspage update').nullish(),
  components: zList(z.object({ id: z.string() }), 'statuspage incident component').nullish(),
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
  components: zList(statuspageComponentSchema, 'statuspage component', { core: true }),
  // Absent (not empty) on incident.io's compatible summary: absence must not read as "none open".
  incidents: zList(statuspageIncidentSchema, 'statuspage incident').optional(),
  scheduled_maintenances: zList(statuspageIncidentSchema, 'statuspage maintenance').optional(),
})
export type StatuspageSummary = z.output<typeof statuspageSummarySchema>

export const statuspageIncidentListSchema = z.object({
  page: statuspagePageSchema.nullish(),
  incidents: zList(statuspageIncidentSchema, 'statuspage incident'),
})

export const statuspageMaintenanceListSchema = z.object({
  page: statuspagePageSchema.nullish(),
  scheduled_maintenances: zList(statuspageIncidentSchema, 'statuspage maintenance'),
})

/** `/api/v2/incidents/<id>.json`. */
export const statuspageSingleIncidentSchema = z.object({
  page: statuspagePageSchema.nullish(),
  incident: statuspageIncidentSchema,
})
