// The registry: which source module reads which platform. `unknown` has none: such vendors are
// listed in the directory but never polled.
import type { Platform } from '@/lib/catalog/platforms'
import { awsSource } from './aws'
import { azureSource } from './azure'
import { betterstackSource } from './betterstack'
import { cachetSource } from './cachet'
import { gcpSource } from './gcp'
import { herokuSource } from './heroku'
import { incidentioSource } from './incidentio'
import { instatusSource } from './instatus'
import { rssSource } from './rss'
import { salesforceSource } from './salesforce'
import { slackSource } from './slack'
import { statusioSource } from './statusio'
import { statuspageSource } from './statuspage'
import type { StatusSource } from './types'

export const SOURCES = {
  statuspage: statuspageSource,
  incidentio: incidentioSource,
  instatus: instatusSource,
  statusio: statusioSource,
  betterstack: betterstackSource,
  cachet: cachetSource,
  rss: rssSource,
  gcp: gcpSource,
  aws: awsSource,
  azure: azureSource,
  slack: slackSource,
  heroku: herokuSource,
  salesforce: salesforceSource,
} satisfies Record<Exclude<Platform, 'unknown'>, StatusSource>

export function sourceFor(platform: Platform): StatusSource | null {
  return platform === 'unknown' ? null : SOURCES[platform]
}
