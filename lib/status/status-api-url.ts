// Where each platform publishes the machine-readable status we poll, derived from the human
// status page URL. Source modules may fetch further URLs next to this one (see lib/ingest/sources).
import type { Platform } from '@/lib/db/generated/enums'

/** Google's status pages share one format; each host serves its own incidents.json. */
const GOOGLE_INCIDENTS_URLS: Record<string, string> = {
  'status.cloud.google.com': 'https://status.cloud.google.com/incidents.json',
  'status.firebase.google.com': 'https://status.firebase.google.com/incidents.json',
  'status.play.google.com': 'https://status.play.google.com/incidents.json',
  'www.google.com': 'https://www.google.com/appsstatus/dashboard/incidents.json',
}

const FIXED_URLS: Partial<Record<Platform, string>> = {
  aws: 'https://health.aws.amazon.com/public/currentevents',
  azure: 'https://rssfeed.azure.status.microsoft/en-us/status/feed/',
  slack: 'https://slack-status.com/api/v2.0.0/current',
  heroku: 'https://status.heroku.com/api/v4/current-status',
  salesforce: 'https://api.status.salesforce.com/v1/instances/status/preview?childProducts=false',
}

/**
 * The status API or feed URL for a vendor, or null when it cannot be derived from the page URL
 * alone (rss needs the feed URL itself; status.io needs the page id, which the source discovers).
 */
export function deriveStatusApiUrl(platform: Platform, statusPageUrl: string): string | null {
  let page: URL
  try {
    page = new URL(statusPageUrl)
  } catch {
    return null
  }
  const origin = page.origin
  switch (platform) {
    case 'statuspage':
    case 'incidentio':
      return `${origin}/api/v2/summary.json`
    case 'instatus':
      return `${origin}/summary.json`
    case 'betterstack':
      return `${origin}/index.json`
    case 'cachet':
      return `${origin}/api/v1/components`
    case 'gcp':
      return GOOGLE_INCIDENTS_URLS[page.hostname] ?? `${origin}/incidents.json`
    case 'statusio':
    case 'rss':
    case 'unknown':
      return null
    default:
      return FIXED_URLS[platform] ?? null
  }
}
