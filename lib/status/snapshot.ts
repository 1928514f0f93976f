// The normalized snapshot every source module produces, whatever the upstream platform: what the
// pipeline diffs against the stored state, and the shape the data layer and the pages read back.
// Its status values are the shared vocabulary in ./statuses.
import type { IncidentImpact, IncidentStatus, MaintenanceStatus, ServiceStatus } from './statuses'

export interface NormalizedGroup {
  externalId: string
  name: string
  position: number
}

export interface NormalizedComponent {
  externalId: string
  name: string
  description?: string | null
  status: ServiceStatus
  /** externalId of a NormalizedGroup in the same snapshot, or null. */
  groupExternalId?: string | null
  position: number
  onlyShowIfDegraded?: boolean
}

export interface NormalizedIncidentUpdate {
  /** Upstream's id for the update; sources without ids derive a stable one (e.g. from the time). */
  externalId: string
  status: IncidentStatus
  body: string
  publishedAt: Date
  /**
   * Set when the source could not place the update's own stamp (an unknown time-zone
   * abbreviation, an unreadable stamp): `publishedAt` is then the item's own time, not the
   * update's, and the snapshot carries a read warning saying so.
   */
  timeUnknown?: true
}

export interface NormalizedIncident {
  externalId: string
  title: string
  status: IncidentStatus
  impact: IncidentImpact
  startedAt: Date
  resolvedAt: Date | null
  /** Upstream's last-modified time of the incident, when it has one. */
  updatedAt?: Date | null
  /** Shortlink or incident page. */
  url?: string | null
  /** externalIds of affected components present in this snapshot. */
  componentExternalIds: string[]
  /** Every update upstream shows, in any order. */
  updates: NormalizedIncidentUpdate[]
  postmortem?: { body: string; publishedAt: Date } | null
}

export interface NormalizedMaintenance {
  externalId: string
  title: string
  status: MaintenanceStatus
  impact: IncidentImpact
  scheduledFor: Date
  scheduledUntil: Date | null
  startedAt?: Date | null
  completedAt?: Date | null
  url?: string | null
  /** Latest upstream text about it. */
  body?: string | null
  updatedAt?: Date | null
  componentExternalIds: string[]
}

/**
 * What a list in the snapshot covers, which tells the diff how to read an absence:
 *  - 'active': every item that is open upstream (incident not resolved, maintenance upcoming or
 *    running) is in the list; ended items may be there too. A stored open item that is missing
 *    has therefore ended upstream.
 *  - 'recent': the list may leave out open items (e.g. it is only the N most recent), so a
 *    missing item keeps its stored state.
 */
export type ListCoverage = 'active' | 'recent'

/**
 * Items of the upstream page that could not be read and were left out (issue 14 #1): `kind` names
 * the list ("statuspage incident", "gcp update", ...), `example` the first reason. The vendor was
 * still read; the operator sees these in /api/health and the vendor JSON, the public never does.
 */
export interface ReadWarning {
  kind: string
  count: number
  example?: string
}

export interface StatusSnapshot {
  status: ServiceStatus
  /** Upstream's own words for the overall status, when it has them. */
  statusText?: string | null
  groups: NormalizedGroup[]
  components: NormalizedComponent[]
  incidents: NormalizedIncident[]
  maintenances: NormalizedMaintenance[]
  coverage: { incidents: ListCoverage; maintenances: ListCoverage }
  /**
   * Set by sources that only list components while something is wrong with them (AWS names a
   * service only in a current event): a stored component missing from the snapshot is then back
   * to operational, not removed.
   */
  absentComponentsAreOperational?: boolean
  /**
   * The component list may leave out components that exist (some could not be read, or the
   * platform serves a sample): a stored one missing now is not a step towards its removal
   * (lib/ingest/diff-components.ts, COMPONENT_REMOVAL_AFTER_MS).
   */
  componentsPartial?: boolean
  /**
   * The list's order and grouping are not the page's (incident.io's compatible summary: a sample
   * in the sample's order, no groups): stored components keep their group and position.
   */
  componentLayoutUnknown?: boolean
  /** Items left out because they could not be read; empty or absent when the page read cleanly. */
  readWarnings?: ReadWarning[]
}
