// Azure status: the public RSS feed (docs/status-page-formats.md §4.3). Azure posts items only while a broad incident
// is active, so an empty channel is the normal, healthy state and an item that disappears has
// ended: coverage is 'active'. Items carry no status markup, so an item is an open incident
// (`investigating`) unless its title says resolved; impact is unknown, and an open item makes the
// overall status `degraded` (see rss.ts). Per-region state exists only in the HTML page, which
// we do not scrape, so there are no components.
import { FEED_ACCEPT, feedToSnapshot } from './rss'
import { parseFeed } from './rss-feed'
import type { StatusSource } from './types'

export const AZURE_FEED_URL = 'https://rssfeed.azure.status.microsoft/en-us/status/feed/'

export const azureSource: StatusSource = {
  endpoints: (target) => [{ key: 'feed', url: target.apiUrl ?? AZURE_FEED_URL, accept: FEED_ACCEPT }],
  parse: (bodies, ctx) => ({
    kind: 'snapshot',
    snapshot: feedToSnapshot(parseFeed(bodies.feed), ctx, { defaultStatus: 'investigating', coverage: 'active' }),
  }),
}
