import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAliases, SEED_ALIASES_FILE } from './aliases'
import { SEED_CATALOG_FILE } from './seed'

describe('parseAliases', () => {
  it('normalizes aliases and reports bad rows by line, keeping the good ones', () => {
    const csv = [
      'alias,vendor,component,source',
      'AWS,amazon-web-services,,own name',
      'S3 ,amazon-web-services,S3,service code',
      "x'%,github,,bad characters",
      'gh,Not A Slug,,bad slug',
      'gcp,google-cloud,,',
      'aws,amazon-web-services,,listed twice',
    ].join('\n')
    const { rows, problems } = parseAliases(csv)
    expect(rows).toEqual([
      { alias: 'aws', vendor: 'amazon-web-services', component: undefined, source: 'own name' },
      { alias: 's3', vendor: 'amazon-web-services', component: 's3', source: 'service code' },
    ])
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6, 7])
    expect(problems[3]?.message).toContain('listed twice')
  })

  it('the seed alias file is clean, gives every alias a source, and names only catalog vendors', () => {
    const { rows, problems } = parseAliases(fs.readFileSync(SEED_ALIASES_FILE, 'utf8'))
    expect(problems).toEqual([])
    const slugs = new Set((JSON.parse(fs.readFileSync(SEED_CATALOG_FILE, 'utf8')) as { slug: string }[]).map((v) => v.slug))
    expect(rows.filter((r) => !slugs.has(r.vendor))).toEqual([])
    // azure needs none: it is the vendor's own name.
    expect(rows.map((r) => r.alias)).toEqual(expect.arrayContaining(['aws', 'gcp', 'gh', 's3', 'microsoft azure']))
  })
})
