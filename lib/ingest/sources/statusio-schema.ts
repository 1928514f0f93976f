// The status.io public status payload (`{result: {status_overall, status[], incidents[], maintenance}}`),
// only the fields the snapshot uses. Codes are numbers on the wire; strings are accepted too.
import { z } from 'zod'
import { zDate, zOptionalDate } from './parse-helpers'
import { zList } from './read-warnings'

const zCode = z.union([z.number(), z.string()]).transform((v) => String(v).trim())
const zId = z.union([z.string().min(1), z.number()]).transform(String)
const refSchema = z.object({ _id: zId })

const messageSchema = z.object({
  details: z.string().nullish(),
  state: zCode.nullish(),
  status: zCode.nullish(),
  datetime: zDate,
})

const eventFields = {
  _id: zId,
  name: z.string(),
  datetime_open: zOptionalDate,
  datetime_planned_start: zOptionalDate,
  datetime_planned_end: zOptionalDate,
  messages: zList(messageSchema, 'status.io update').nullish(),
  components_affected: zList(refSchema, 'status.io affected component').nullish(),
  containers_affected: zList(refSchema, 'status.io affected component').nullish(),
}
const incidentSchema = z.object({ ...eventFields, datetime_open: zDate })
const maintenanceSchema = z.object(eventFields).transform((m, ctx) => {
  const start = m.datetime_planned_start ?? m.datetime_open
  if (!start) {
    ctx.addIssue({ code: 'custom', message: 'maintenance without a start time' })
    return z.NEVER
  }
  return { ...m, start }
})

const containerSchema = z.object({ id: zId, name: z.string(), status_code: zCode })

export const statusioBodySchema = z.object({
  result: z.object({
    status_overall: z.object({ status: z.string().nullish(), status_code: zCode }),
    status: zList(containerSchema.extend({ containers: zList(containerSchema, 'status.io component').nullish() }), 'status.io component', {
      core: true,
    }),
    incidents: zList(incidentSchema, 'status.io incident').nullish(),
    maintenance: z
      .object({ active: zList(maintenanceSchema, 'status.io maintenance').nullish(), upcoming: zList(maintenanceSchema, 'status.io maintenance').nullish() })
      .nullish(),
  }),
})

export type StatusioBody = z.output<typeof statusioBodySchema>
export type StatusioEntry = StatusioBody['result']['status'][number]
export type StatusioIncident = z.output<typeof incidentSchema>
export type StatusioMaintenance = z.output<typeof maintenanceSchema>
export type StatusioEvent = Pick<StatusioIncident, '_id' | 'messages' | 'components_affected' | 'containers_affected'>
