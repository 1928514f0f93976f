import { describe, expect, it } from 'vitest'
import { deriveStatusApiUrl } from './status-api-url'

describe('deriveStatusApiUrl', () => {
  it('points hosted platforms at their public API on the page host', () => {
    expect(deriveStatusApiUrl('statuspage', 'https://www.githubstatus.com/')).toBe('https://www.githubstatus.com/api/v2/summary.json')
    expect(deriveStatusApiUrl('incidentio', 'https://status.openai.com')).toBe('https://status.openai.com/api/v2/summary.json')
    expect(deriveStatusApiUrl('instatus', 'https://status.railway.app/x')).toBe('https://status.railway.app/summary.json')
    expect(deriveStatusApiUrl('betterstack', 'https://status.betterstack.com')).toBe('https://status.betterstack.com/index.json')
    expect(deriveStatusApiUrl('cachet', 'https://status.example.org')).toBe('https://status.example.org/api/v1/components')
  })
  it('knows the big vendors’ own endpoints', () => {
    expect(deriveStatusApiUrl('gcp', 'https://status.cloud.google.com')).toBe('https://status.cloud.google.com/incidents.json')
    expect(deriveStatusApiUrl('gcp', 'https://www.google.com/appsstatus')).toBe('https://www.google.com/appsstatus/dashboard/incidents.json')
    expect(deriveStatusApiUrl('aws', 'https://health.aws.amazon.com/health/status')).toBe('https://health.aws.amazon.com/public/currentevents')
    expect(deriveStatusApiUrl('slack', 'https://slack-status.com')).toBe('https://slack-status.com/api/v2.0.0/current')
  })
  it('returns null where the page URL alone is not enough', () => {
    expect(deriveStatusApiUrl('rss', 'https://status.x.example')).toBeNull()
    expect(deriveStatusApiUrl('statusio', 'https://status.gitlab.com')).toBeNull()
    expect(deriveStatusApiUrl('unknown', 'https://status.x.example')).toBeNull()
    expect(deriveStatusApiUrl('statuspage', 'nonsense')).toBeNull()
  })
})
