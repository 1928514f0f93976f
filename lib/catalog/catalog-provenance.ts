// Provenance of the rows of the research catalog (prisma/seed/raw/vendor-catalog*.csv): which lists,
// how the platform was decided, how sure that is, and whether a live check confirmed it. The rules
// are the ones fold-catalog.ts states at its top.
import type { CatalogRow } from './catalog-row'
import type { RawProvenance } from './clean-catalog'
import type { Platform } from './platforms'

export type CatalogProvenance = RawProvenance & { sources?: string; platform_evidence?: string }

export const clip = (text: string, max = 500) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

const SELF_EVIDENT_HOSTS: [RegExp, Platform][] = [
  [/\.statuspage\.io$/, 'statuspage'],
  [/\.status\.atlassian\.com$/, 'statuspage'],
  [/\.instatus\.com$/, 'instatus'],
  [/\.betteruptime\.com$/, 'betterstack'],
  [/(^|\.)status\.io$/, 'statusio'],
]

const PROBE_LABELS: Record<string, Platform> = {
  statuspage: 'statuspage',
  'incident.io': 'incidentio',
  instatus: 'instatus',
  'status.io': 'statusio',
  betterstack: 'betterstack',
  cachet: 'cachet',
}

/** Provenance of a row of the original catalog: its lists and how its platform was decided. */
export function catalogProvenance(row: CatalogRow, prov: CatalogProvenance | undefined): Pick<CatalogRow, 'sources' | 'platformEvidence' | 'platformConfidence' | 'unverified'> {
  const sources = prov?.sources ? `catalog: ${prov.sources}` : 'catalog'
  const probe = prov?.probe_label_2026_09 ?? ''
  const byHost = SELF_EVIDENT_HOSTS.find(([re]) => re.test(hostOf(row.statusPageUrl)))?.[1]
  if (byHost === row.platform) return { sources, platformEvidence: `host pattern ${hostOf(row.statusPageUrl)}`, platformConfidence: 'high' }
  if (PROBE_LABELS[probe] === row.platform && row.platform !== 'statuspage') {
    return { sources, platformEvidence: `2026-09 live probe: ${probe}`, platformConfidence: 'high' }
  }
  if (row.platform === 'statuspage' && probe === 'statuspage') {
    return { sources, platformEvidence: '2026-09 live probe: a Statuspage-compatible /api/v2 answered (incident.io and some Instatus pages also do)', platformConfidence: 'medium', unverified: true }
  }
  const how = prov?.platform_evidence || 'no evidence recorded'
  const probeNote = probe ? `; 2026-09 probe: ${probe}` : ''
  const big = ['gcp', 'aws', 'azure', 'slack', 'heroku', 'salesforce'].includes(row.platform)
  return {
    sources,
    platformEvidence: clip(`catalog label (${how})${probeNote}`),
    platformConfidence: big || how === 'known-custom' || how === 'url-pattern' || how === 'vendor-docs' ? 'high' : how === 'probe' || how === 'stts' || how === 'feed-pattern' ? 'medium' : 'low',
    unverified: true,
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return ''
  }
}
