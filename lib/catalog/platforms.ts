// The fixed list of status-page platforms a vendor can be on. The Prisma enum is the single
// source of truth; this module gives the rest of the code the list, a zod schema and labels.
import { z } from 'zod'
import { Platform } from '@/lib/db/generated/enums'

export { Platform }
export const PLATFORMS = Object.values(Platform)
export const platformSchema = z.enum(Platform, {
  error: (issue) => `unknown platform ${JSON.stringify(issue.input)}; expected one of: ${PLATFORMS.join(', ')}`,
})

export const PLATFORM_LABELS: Record<Platform, string> = {
  statuspage: 'Atlassian Statuspage',
  incidentio: 'incident.io',
  instatus: 'Instatus',
  statusio: 'status.io',
  betterstack: 'Better Stack',
  cachet: 'Cachet',
  rss: 'RSS/Atom feed',
  gcp: 'Google Cloud status',
  aws: 'AWS Health Dashboard',
  azure: 'Azure status',
  slack: 'Slack status',
  heroku: 'Heroku status',
  salesforce: 'Salesforce Trust',
  unknown: 'Unsupported status page',
}

/** Whether Vendorwatch can read this source at all (an unsupported page is listed, never polled). */
export { isMonitoredSource } from '@/lib/status/monitored'
