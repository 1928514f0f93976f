// Verifies the catalog's platforms from what each status page serves (lib/catalog/detect-platform.ts)
// and records the platform, API URL and verifiedAt of each vendor it could read:
//   npm run catalog:verify -- [--concurrency 8] [--limit N] [--all] [--restart] [--approve-matching] [--state FILE] [slug …]
// Resumable: outcomes go to the state file (default .data/catalog-verify.jsonl) as they land; run it
// again to carry on, --restart to start over. Needs the internet (run it where the pages are
// reachable); exit code 0 even when pages fail: their vendors keep their labels and are listed.
import { parseArgs } from 'node:util'
import { runCli } from '@/lib/cli/known-failure.mjs'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    concurrency: { type: 'string', default: '8' },
    limit: { type: 'string' },
    all: { type: 'boolean', default: false },
    restart: { type: 'boolean', default: false },
    'approve-matching': { type: 'boolean', default: false },
    state: { type: 'string', default: '.data/catalog-verify.jsonl' },
  },
})
const concurrency = Number(values.concurrency)
const limit = values.limit === undefined ? undefined : Number(values.limit)
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64 || (limit !== undefined && (!Number.isInteger(limit) || limit < 1))) {
  console.error('usage: npm run catalog:verify -- [--concurrency 1-64] [--limit N] [--all] [--restart] [--approve-matching] [--state FILE] [slug …]')
  process.exit(2)
}

runCli('catalog:verify', async () => {
  const fs = await import('node:fs')
  const path = await import('node:path')
  const { env } = await import('@/lib/env')
  const { createHttpClient, DEFAULT_HTTP_OPTIONS } = await import('@/lib/ingest/http')
  const { verifyCatalog } = await import('@/lib/catalog/verify-catalog')
  const { db } = await import('@/lib/db/client')
  fs.mkdirSync(path.dirname(values.state), { recursive: true })
  const http = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: env.INGEST_ALLOW_PRIVATE_NETWORK })
  const stop = new AbortController()
  process.once('SIGINT', () => {
    process.stderr.write('\ncatalog:verify: stopping; run it again to carry on\n')
    stop.abort()
  })
  const tty = process.stderr.isTTY
  try {
    const report = await verifyCatalog({
      http,
      now: () => new Date(),
      statePath: values.state,
      concurrency,
      restart: values.restart,
      all: values.all,
      approveMatching: values['approve-matching'],
      ...(limit !== undefined && { limit }),
      ...(positionals.length && { slugs: positionals }),
      signal: stop.signal,
      onProgress: ({ done, total, counts }) => {
        if (!tty && done % 25 !== 0 && done !== total) return
        const line = `[${done}/${total}] confirmed ${counts.confirmed}, changed ${counts.changed}, unsupported ${counts.unsupported}, unreachable ${counts.unreachable + counts.blocked + counts.invalid}`
        process.stderr.write(tty ? `\r${line}` : `${line}\n`)
      },
    })
    if (tty) process.stderr.write('\n')
    const changes = report.outcomes.filter((o) => o.result === 'changed')
    console.log(`catalog:verify: ${report.checkedNow} checked now, ${report.skippedAsDone} done in an earlier run, ${report.remaining} left`)
    const by = new Map<string, number>()
    for (const o of report.outcomes) by.set(o.result, (by.get(o.result) ?? 0) + 1)
    console.log(`  totals: ${[...by].map(([k, n]) => `${k} ${n}`).join(', ')}`)
    if (changes.length) console.log('changes:')
    for (const o of changes) console.log(`  ${o.slug}: ${o.from?.platform} ${o.from?.apiUrl ?? '-'} → ${o.to?.platform} ${o.to?.apiUrl ?? '-'} (${o.detail})`)
    const approved = report.outcomes.filter((o) => o.approved)
    if (approved.length) console.log(`listed after review (the page names the vendor): ${approved.map((o) => `${o.slug} ("${o.pageName}")`).join(', ')}`)
    console.log(`state: ${values.state}${report.remaining ? ' (run again to carry on)' : ''}`)
  } finally {
    http.close()
    await db.$disconnect().catch(() => {})
  }
  return 0
})
