// `npx tsx scripts/bench-page-weight.ts`: what the vendor page's bytes are made of, and the Next.js
// CPU one render costs (issue 18). Seconds, not the minutes of bench:pages: a small history of
// BENCH_VENDORS vendors (default 120; the generator always makes 20 big ones of 60-80 components),
// the production build under the production server (scripts/server.mjs), every vendor page rendered once, one at a time.
//   BENCH_DATABASE_URL / TEST_DATABASE_URL   (server; default postgresql://postgres@127.0.0.1:5432/test)
//   BENCH_SAVE_DIR=/tmp/x                    also writes the biggest vendor's HTML there
// CPU is read from /proc for the server's process tree, so it is CPU time, not wall time: other
// work on the machine slows it far less than it slows latency.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { adminQuery, databaseUrl } from '@/lib/testing/postgres'
import { generateHistory } from './bench/generate-history'
import { withPg } from './bench/measure'
import { ensureBuild, startNextServer } from './bench/next-server'
import { pageWeight, weightLines } from './bench/page-weight'
import { treeCpuMs } from './bench/proc-cpu'

const VENDORS = Number(process.env.BENCH_VENDORS || 120)
const DATABASE = process.env.BENCH_DATABASE_NAME ?? 'vendorwatch_bench_weight'
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(DATABASE)) throw new Error(`BENCH_DATABASE_NAME must be a plain PostgreSQL name, not ${JSON.stringify(DATABASE)}`)
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test'
const url = databaseUrl(serverUrl, DATABASE)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)

async function main() {
  const build = ensureBuild()
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  await adminQuery(serverUrl, `CREATE DATABASE ${DATABASE}`)
  try {
    execFileSync(process.execPath, ['scripts/db.mjs', 'deploy', '--quiet'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' })
    const history = await generateHistory(url, { vendors: VENDORS, days: 90, now: new Date(), seed: 20_261_124 })
    await withPg(url, (c) => c.query(`UPDATE "StatusSource" SET "lastCheckedAt" = now(), "lastSuccessAt" = now()`))
    const next = await startNextServer(url)
    try {
      const bySize = [...history.vendors].sort((a, b) => b.components - a.components)
      const biggest = bySize[0]
      const middle = bySize[Math.floor(bySize.length / 2)]
      if (!biggest || !middle) throw new Error('no vendors generated')
      const get = async (p: string) => {
        const res = await fetch(`${next.baseUrl}${p}`)
        if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`)
        return res.text()
      }
      // Warm-up: the first renders load code and open connections; not counted.
      for (const v of bySize.slice(-3)) await get(`/vendors/${v.slug}`)
      const render = async (slug: string) => {
        const before = treeCpuMs(next.pid) ?? 0
        const html = await get(`/vendors/${slug}`)
        return { html, cpuMs: (treeCpuMs(next.pid) ?? 0) - before }
      }
      const big: number[] = []
      const small: number[] = []
      let biggestHtml = ''
      let middleHtml = ''
      for (const v of bySize.slice(0, -3)) {
        const { html, cpuMs } = await render(v.slug)
        ;(v.components >= 60 ? big : small).push(cpuMs)
        if (v.slug === biggest.slug) biggestHtml = html
        if (v.slug === middle.slug) middleHtml = html
      }
      const cachedBefore = treeCpuMs(next.pid) ?? 0
      for (let i = 0; i < 50; i++) await get(`/vendors/${biggest.slug}`)
      const cachedMs = ((treeCpuMs(next.pid) ?? 0) - cachedBefore) / 50
      const incident = history.incidents.find((i) => i.slug === biggest.slug) ?? history.incidents[0]
      const incidentHtml = incident ? await get(`/vendors/${incident.slug}/incidents/${incident.id}`) : ''
      if (process.env.BENCH_SAVE_DIR) {
        fs.mkdirSync(process.env.BENCH_SAVE_DIR, { recursive: true })
        fs.writeFileSync(path.join(process.env.BENCH_SAVE_DIR, `${biggest.slug}.html`), biggestHtml)
      }
      const out = [
        '',
        `page weight: ${VENDORS} vendors, 90 days; scripts/server.mjs (build of ${build.builtAt.toISOString()}${build.sourcesNewer ? ', SOURCES NEWER THAN THE BUILD' : ''}); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
        '',
        'bytes per page (as served, before compression; gzip -6 of the whole page)',
        ...weightLines(`biggest vendor /vendors/${biggest.slug} (${biggest.components} components)`, pageWeight(biggestHtml)),
        ...weightLines(`median vendor /vendors/${middle.slug} (${middle.components} components)`, pageWeight(middleHtml)),
        ...(incident ? weightLines(`incident page /vendors/${incident.slug}/incidents/${incident.id}`, pageWeight(incidentHtml)) : []),
        '',
        'next cpu per vendor page render (first view, one at a time, CPU of the server process tree)',
        `  big vendors (60-80 components), ${big.length} pages: mean ${mean(big).toFixed(1)} ms, median ${median(big).toFixed(1)} ms`,
        `  other vendors, ${small.length} pages: mean ${mean(small).toFixed(1)} ms, median ${median(small).toFixed(1)} ms`,
        `  cached copy of the biggest page, 50 requests: ${cachedMs.toFixed(2)} ms per request`,
      ]
      console.log(out.join('\n'))
    } finally {
      await next.stop()
    }
  } finally {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  }
}

main().catch((e: unknown) => {
  console.error(`bench-page-weight failed: ${(e as Error).stack ?? String(e)}`)
  process.exit(1)
})
