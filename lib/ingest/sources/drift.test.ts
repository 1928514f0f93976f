// Issue 14 #1: a bad item costs that item, not the vendor. Every JSON parser is fed single-field
// drift variants of a recorded payload (real where the project has one, see fixtures/SOURCES.md):
// one null in one item, one bad item in a list, one unknown enum value in a nested object. Each
// variant must still parse. The only allowed failure is the documented one: a core list (the one
// the vendor's status is read from) of which no item at all can be read.
import { describe, expect, it } from 'vitest'
import { readFixture as fixture, snapshotOf } from '@/lib/testing/source-tests'
import type { StatusSnapshot } from '@/lib/status/snapshot'
import { awsSource } from './aws'
import { betterstackSource } from './betterstack'
import { cachetSource } from './cachet'
import { gcpSource } from './gcp'
import { herokuSource } from './heroku'
import { incidentioSource } from './incidentio'
import { instatusSource } from './instatus'
import { readSnapshot } from './read-snapshot'
import { salesforceSource } from './salesforce'
import { slackSource } from './slack'
import { statusioSource } from './statusio'
import { statuspageSource } from './statuspage'
import type { ParseContext, StatusSource } from './types'


const ctx: ParseContext = {
  now: new Date('2030-01-01T00:00:00Z'),
  target: {
    apiUrl: null,
    statusPageUrl: 'https://status.example.com',
    settings: { pageId: '5b36dc6502d06804c08349f7' },
  },
}

interface Case {
  name: string
  source: StatusSource
  bodies: Record<string, string | null>
  /** The body whose JSON is varied. */
  vary: string
  /** Lists the parser does not read at all: dropping an item there needs no warning. */
  unread?: RegExp
}

const CASES: Case[] = [
  {
    name: 'statuspage summary (GitHub, 3 open incidents)',
    source: statuspageSource,
    bodies: {
      summary: fixture('statuspage/github-summary-three-open-incidents.json'),
    },
    vary: 'summary',
  },
  {
    name: 'statuspage summary (GitHub, maintenance + incident)',
    source: statuspageSource,
    bodies: {
      summary: fixture('statuspage/github-summary-incident-plus-maintenance.json'),
    },
    vary: 'summary',
  },
  {
    name: 'incident.io compatible summary (OpenAI)',
    source: incidentioSource,
    bodies: {
      summary: fixture('incidentio/openai-summary-statuspage-compat.json'),
      widget: fixture('incidentio/synthetic-widget-proxy-grouped-outage.json'),
    },
    vary: 'summary',
  },
  {
    name: 'incident.io widget (synthetic)',
    source: incidentioSource,
    bodies: {
      summary: fixture('incidentio/openai-summary-statuspage-compat.json'),
      widget: fixture('incidentio/synthetic-widget-proxy-grouped-outage.json'),
    },
    vary: 'widget',
  },
  {
    name: 'instatus summary (synthetic)',
    source: instatusSource,
    bodies: {
      summary: fixture('instatus/synthetic-summary-incident-and-maintenance.json'),
      components: fixture('instatus/synthetic-components.json'),
    },
    vary: 'summary',
  },
  {
    name: 'instatus components (synthetic)',
    source: instatusSource,
    bodies: {
      summary: fixture('instatus/synthetic-summary-incident-and-maintenance.json'),
      components: fixture('instatus/synthetic-components.json'),
    },
    vary: 'components',
  },
  {
    name: 'status.io (GitLab)',
    source: statusioSource,
    bodies: { status: fixture('statusio/gitlab-status-security-issue.json') },
    vary: 'status',
  },
  {
    name: 'status.io (Docker)',
    source: statusioSource,
    bodies: {
      status: fixture('statusio/docker-status-partial-service-disruption.json'),
    },
    vary: 'status',
  },
  {
    name: 'better stack (synthetic)',
    source: betterstackSource,
    bodies: {
      index: fixture('betterstack/synthetic-index-incidents-and-maintenance.json'),
    },
    vary: 'index',
    unread: /relationships/,
  },
  {
    name: 'cachet incidents (synthetic)',
    source: cachetSource,
    bodies: {
      components: fixture('cachet/synthetic-components.json'),
      groups: fixture('cachet/synthetic-groups.json'),
      incidents: fixture('cachet/synthetic-incidents.json'),
    },
    vary: 'incidents',
  },
  {
    name: 'cachet components (synthetic)',
    source: cachetSource,
    bodies: {
      components: fixture('cachet/synthetic-components.json'),
      groups: fixture('cachet/synthetic-groups.json'),
      incidents: fixture('cachet/synthetic-incidents.json'),
    },
    vary: 'components',
  },
  {
    name: 'google cloud (2026)',
    source: gcpSource,
    bodies: {
      incidents: fixture('google-cloud/limatechnology-google-incidents-2026-5.json'),
    },
    vary: 'incidents',
    unread: /affected_locations/,
  },
  {
    name: 'aws currentevents (synthetic)',
    source: awsSource,
    bodies: {
      events: fixture('aws/synthetic-currentevents-open-and-resolved.json'),
    },
    vary: 'events',
  },
  {
    name: 'heroku (incident)',
    source: herokuSource,
    bodies: { current: fixture('heroku/heroku-current-status-incident.json') },
    vary: 'current',
  },
  {
    name: 'slack (active incident)',
    source: slackSource,
    bodies: { current: fixture('slack/slack-current-active-incident.json') },
    vary: 'current',
  },
  {
    name: 'salesforce preview',
    source: salesforceSource,
    bodies: {
      instances: fixture('salesforce/salesforce-instances-status-preview-with-incident.json'),
      localizations: fixture('salesforce/salesforce-localizations.json'),
    },
    vary: 'instances',
    unread: /Products|Maintenances/,
  },
]

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = (string | number)[]

const ENUM_KEYS = new Set([
  'status',
  'impact',
  'severity',
  'indicator',
  'type',
  'aggregate_state',
  'state',
  'status_code',
  'current_worst_impact',
  'report_type',
])

/** Paths of every array reached through first items only (the payloads are large and regular). */
function arrays(value: Json, path: Path = []): { path: Path; length: number; first: Json }[] {
  const found: { path: Path; length: number; first: Json }[] = []
  if (Array.isArray(value)) {
    if (value.length > 0) {
      found.push({ path, length: value.length, first: value[0] ?? null })
      found.push(...arrays(value[0] ?? null, [...path, 0]))
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) found.push(...arrays(v, [...path, k]))
  }
  return found
}

function setAt(root: Json, path: Path, value: Json): Json {
  const copy = structuredClone(root)
  let node: Json = copy
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key] ?? null
  ;(node as Record<string | number, Json>)[path.at(-1) ?? ''] = value
  return copy
}

interface Variant {
  label: string
  json: Json
  /** The varied list holds one item only: emptying a core list may fail the vendor. */
  soleItem: boolean
  dropsItem: boolean
}

function variants(json: Json): Variant[] {
  const out: Variant[] = []
  for (const { path, length, first } of arrays(json)) {
    const at = path.join('.') || '(root)'
    const soleItem = length === 1
    out.push({
      label: `bad item at ${at}[0]`,
      json: setAt(json, [...path, 0], 42),
      soleItem,
      dropsItem: true,
    })
    if (first === null || typeof first !== 'object' || Array.isArray(first)) continue
    // Nested objects one level down too (e.g. Better Stack's attributes, Statuspage's status).
    const fields: [Path, Json][] = Object.entries(first).flatMap(([k, v]): [Path, Json][] =>
      v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).map(([k2, v2]) => [[k, k2], v2]) : [[[k], v]],
    )
    for (const [field, v] of fields) {
      if (v === null || typeof v === 'object') continue
      const full = [...path, 0, ...field]
      out.push({
        label: `null at ${full.join('.')}`,
        json: setAt(json, full, null),
        soleItem,
        dropsItem: false,
      })
      if (typeof v === 'string' && ENUM_KEYS.has(String(field.at(-1))))
        out.push({
          label: `unknown enum at ${full.join('.')}`,
          json: setAt(json, full, 'zz_drift_unknown'),
          soleItem,
          dropsItem: false,
        })
    }
  }
  return out
}

function read(c: Case, varied: Json): StatusSnapshot {
  return snapshotOf(readSnapshot(c.source, { ...c.bodies, [c.vary]: JSON.stringify(varied) }, ctx))
}

describe('drift: one bad value never fails a whole vendor', () => {
  for (const c of CASES) {
    const base = JSON.parse(c.bodies[c.vary] ?? 'null') as Json
    const all = variants(base)
    it(`${c.name}: the recorded payload reads cleanly, and ${all.length} drift variants still read`, () => {
      expect(read(c, base).readWarnings ?? []).toEqual([])
      expect(all.length).toBeGreaterThan(3)
      const failures: string[] = []
      for (const v of all) {
        try {
          const s = read(c, v.json)
          // A dropped list item is counted (a bad value in a list of ids, say, is one too).
          if (v.dropsItem && !c.unread?.test(v.label) && (s.readWarnings ?? []).length === 0) failures.push(`${v.label}: item dropped without a warning`)
        } catch (e) {
          const message = (e as Error).message
          // The documented exception: the vendor's core list had one item and it is unreadable.
          if (!(v.soleItem && /could be read/.test(message))) failures.push(`${v.label}: ${message}`)
        }
      }
      expect(failures).toEqual([])
    })
  }
})
