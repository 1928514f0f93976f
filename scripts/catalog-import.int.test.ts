import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)

/** Runs `npm run catalog:import -- FILE` as an operator would, against this file's database. */
async function importCatalog(content: string, ext: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-')), `catalog.${ext}`)
  fs.writeFileSync(file, content)
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['scripts/catalog-import.ts', file], { env: process.env })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('npm run catalog:import', () => {
  it('imports the good rows of a malformed file and reports each bad one by line', async () => {
    const csv = [
      'name,slug,status_page_url,platform,category',
      'Good One,good-one,https://status.good-one.example,statuspage,Email',
      'No Url,no-url,,statuspage,',
      'Good Two,good-two,https://status.good-two.example,instatus,',
      'Wrong,wrong,https://status.wrong.example,myspace,',
    ].join('\n')
    const result = await importCatalog(csv, 'csv')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/catalog\.csv:3: statusPageUrl/)
    expect(result.stderr).toMatch(/catalog\.csv:5: unknown platform "myspace"/)
    expect(result.stdout).toMatch(/imported: 2 created, 0 updated, 0 unchanged/)

    const { db } = await import('@/lib/db/client')
    expect((await db.vendor.findMany({ orderBy: { slug: 'asc' } })).map((v) => v.slug)).toEqual(['good-one', 'good-two'])
    await db.$disconnect() // the next CLI run needs the embedded database to itself
  })

  it('is idempotent for a JSON file', async () => {
    const json = JSON.stringify([{ name: 'Good One', slug: 'good-one', statusPageUrl: 'https://status.good-one.example', platform: 'statuspage', category: 'Email' }])
    // Imported once here, whichever test ran before: the second run is the one under test.
    await importCatalog(json, 'json')
    const result = await importCatalog(json, 'json')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/imported: 0 created, 0 updated, 1 unchanged/)
  })

  it('refuses a file that is not a catalog at all, importing nothing', async () => {
    const result = await importCatalog('{"not": "an array"}', 'json')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/:1: a JSON catalog must be an array/)
    expect(result.stdout).toMatch(/0 valid row/)
  })
})
