// When two catalog rows are the same status page: the keys the build's duplicate check, the
// expansion's fold and "watch any status page" compare.
import type { CatalogRow } from './catalog-row'

/**
 * The key two vendors must not share: host without `www.` plus the page's path. A regional page on
 * its own path (intercomstatus.com/eu-hosting, status.cloud.google.com/maps-platform) is a page of
 * its own; the same path in another case or with a trailing slash is not.
 */
export function pageKey(url: string): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return url.toLowerCase()
  }
  return `${u.host.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '').toLowerCase()}`
}

/** Shared hosts carry one vendor per path (status.io/pages/<id>, stats.pingdom.com/<id>, …). */
const SHARED_HOSTS = /^(status\.io|stats\.uptimerobot\.com|stats\.pingdom\.com|status\.salesforce\.com|health\.aws\.amazon\.com|google\.com)$/

/** The stricter key a new vendor is checked on: the host alone, except on shared hosts. */
export function hostKey(url: string): string {
  const key = pageKey(url)
  const host = key.split('/')[0] ?? key
  return SHARED_HOSTS.test(host) ? key : host
}

/** Every pair of rows that share a slug or a status page (pageKey): empty for a valid catalog. */
export function findDuplicates(rows: Pick<CatalogRow, 'slug' | 'statusPageUrl'>[]): string[] {
  const problems: string[] = []
  const slugs = new Map<string, number>()
  const hosts = new Map<string, string>()
  for (const row of rows) {
    slugs.set(row.slug, (slugs.get(row.slug) ?? 0) + 1)
    const key = pageKey(row.statusPageUrl)
    const other = hosts.get(key)
    if (other !== undefined) problems.push(`host ${key}: ${other} and ${row.slug}`)
    else hosts.set(key, row.slug)
  }
  for (const [slug, n] of slugs) if (n > 1) problems.push(`slug ${slug}: ${n} rows`)
  return problems
}
