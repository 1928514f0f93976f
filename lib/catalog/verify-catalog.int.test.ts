// catalog:verify against the local status stand-in: what it records, what it reports, and that a
// second run carries on where the first stopped.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { upsertCatalogRows } from '@/lib/data/catalog'
import { db } from '@/lib/db/client'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, type HttpClient } from '@/lib/ingest/http'
import { resetDatabase } from '@/lib/testing/reset-database'
import { readFixture } from '@/lib/testing/source-tests'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { verifyCatalog } from './verify-catalog'

const NOW = new Date('2030-03-01T12:00:00Z')
let statuspage: StatusServer
let incidentio: StatusServer
let nothing: StatusServer
let http: HttpClient
let statePath: string

beforeAll(async () => {
  // One stand-in per "host": detection looks at each page's own origin.
  ;[statuspage, incidentio, nothing] = await Promise.all([startStatusServer(), startStatusServer(), startStatusServer()])
  statuspage.set('/', { body: '<html><title>GitHub Status</title></html>', contentType: 'text/html' })
  statuspage.set('/api/v2/summary.json', { body: readFixture('statuspage/github-summary-operational.json') })
  incidentio.set('/', { body: '<html><title>OpenAI</title></html>', contentType: 'text/html' })
  incidentio.set('/api/v2/summary.json', { body: readFixture('incidentio/openai-summary-statuspage-compat.json') })
  nothing.set('/', { body: '<html><title>Our own page</title></html>', contentType: 'text/html' })
  http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })
})
afterAll(async () => {
  http.close()
  await Promise.all([statuspage, incidentio, nothing].map((s) => s.close()))
})
beforeEach(async () => {
  await resetDatabase()
  statePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verify-')), 'state.jsonl')
  await upsertCatalogRows([
    // Right label; wrong label (the Statuspage-compatible API answered, but it is incident.io); a
    // page that serves no platform we read.
    { name: 'GitHub', slug: 'github', statusPageUrl: statuspage.url, platform: 'statuspage', platformConfidence: 'medium' },
    { name: 'OpenAI', slug: 'openai', statusPageUrl: incidentio.url, platform: 'statuspage', platformConfidence: 'medium' },
    { name: 'Custom', slug: 'custom', statusPageUrl: nothing.url, platform: 'unknown' },
  ])
})

describe('verifyCatalog', () => {
  it('records the platform and API URL each page serves with verifiedAt, and reports the changes', async () => {
    const report = await verifyCatalog({ http, now: () => NOW, statePath, concurrency: 2 })
    const bySlug = Object.fromEntries(report.outcomes.map((o) => [o.slug, o]))
    expect(bySlug.github).toMatchObject({ result: 'confirmed', pageName: 'GitHub' })
    expect(bySlug.openai).toMatchObject({
      result: 'changed',
      from: { platform: 'statuspage' },
      to: { platform: 'incidentio', apiUrl: `${incidentio.url}/api/v2/summary.json` },
    })
    expect(bySlug.custom).toMatchObject({ result: 'unsupported' })

    const sources = await db.statusSource.findMany({ select: { platform: true, verifiedAt: true, verifiedEvidence: true, vendor: { select: { slug: true } } } })
    const stored = Object.fromEntries(sources.map((s) => [s.vendor.slug, s]))
    expect(stored.openai).toMatchObject({ platform: 'incidentio', verifiedAt: NOW })
    expect(stored.openai?.verifiedEvidence).toMatch(/ULID/)
    expect(stored.github?.verifiedAt).toEqual(NOW)
    // What could not be read keeps its label and stays unverified.
    expect(stored.custom).toMatchObject({ platform: 'unknown', verifiedAt: null })
  })

  it('carries on where a run stopped, and starts over when asked', async () => {
    const first = await verifyCatalog({ http, now: () => NOW, statePath, concurrency: 1, limit: 1 })
    expect(first).toMatchObject({ checkedNow: 1, remaining: 2 })
    const second = await verifyCatalog({ http, now: () => NOW, statePath, concurrency: 1 })
    expect(second.checkedNow).toBe(2)
    expect(second.outcomes.map((o) => o.slug).sort()).toEqual(['custom', 'github', 'openai'])
    expect(new Set(second.outcomes.map((o) => o.slug)).size).toBe(3)

    // Nothing is left: the unsupported page is in the state file, the others are verified.
    const third = await verifyCatalog({ http, now: () => NOW, statePath, concurrency: 1 })
    expect(third).toMatchObject({ checkedNow: 0, remaining: 0 })
    const again = await verifyCatalog({ http, now: () => NOW, statePath, concurrency: 1, restart: true, all: true })
    expect(again.checkedNow).toBe(3)
  })

  it('with approveMatching, lists a vendor held back for review only when its page names it', async () => {
    await upsertCatalogRows([
      { name: 'GitHub Mirror', slug: 'gh-mirror', statusPageUrl: `${statuspage.url}/mirror`, platform: 'statuspage', pendingReview: true },
      { name: 'Octo Corp', slug: 'octo', statusPageUrl: `${incidentio.url}/octo`, platform: 'statuspage', pendingReview: true },
    ])
    const report = await verifyCatalog({ http, now: () => NOW, statePath, concurrency: 2, slugs: ['gh-mirror', 'octo'], approveMatching: true })
    expect(report.outcomes.map((o) => [o.slug, o.pageName, o.approved ?? false])).toEqual(
      expect.arrayContaining([
        ['gh-mirror', 'GitHub', true],
        ['octo', 'OpenAI', false],
      ]),
    )
    const vendors = await db.vendor.findMany({ where: { slug: { in: ['gh-mirror', 'octo'] } }, select: { slug: true, pendingReview: true }, orderBy: { slug: 'asc' } })
    expect(vendors).toEqual([
      { slug: 'gh-mirror', pendingReview: false },
      { slug: 'octo', pendingReview: true },
    ])
  })
})
