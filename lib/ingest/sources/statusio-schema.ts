// The status.io public status payload (`{result: {status_overall, status[], incidents[], maintenance}}`),
// only the fields the snapshot uses. Codes are numbers on the wire; strings are accepted too.
import { z } from 'zod'
import { zDate, zOptionalDate } from './parse-helpers'

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
  messages: z.array(messageSchema).nullish(),
  components_affected: z.array(refSchema).nullish(),
  containers_affected: z.array(refSchema).nullish(),
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
    status: z.array(containerSchema.extend({ containers: z.array(containerSchema).nullish() })),
    incidents: z.array(incidentSchema).nullish(),
    maintenance: z
      .object({ active: z.array(maintenanceSchema).nullish(), upcoming: z.array(maintenanceSchema).nullish() })
      .nullish(),
  }),
})

export type StatusioBody = z.output<typeof statusioBodySchema>
export type StatusioEntry = StatusioBody['result']['status'][number]
export type StatusioIncident = z.output<typeof incidentSchema>
export type StatusioMaintenance = z.output<typeof maintenanceSchema>
export type StatusioEvent = Pick<StatusioIncident, '_id' | 'messages' | 'components_affected' | 'containers_affected'>
