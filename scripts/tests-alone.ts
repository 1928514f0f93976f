// `npm run test:alone -- <test file>...`: runs every test of the given vitest files on its own
// (`vitest run <file> -t '^<full name>$'`, a fresh process and database each), to prove that no test
// needs the ones before it. Slow by design (one vitest start per test): run it on the files you
// changed, not in `npm test`. Integration files use TEST_DATABASE_URL when it is set, as usual.
import { spawnSync } from 'node:child_process'

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: npm run test:alone -- <test file>...')
  process.exit(2)
}

const vitest = 'node_modules/.bin/vitest'
const project = (file: string) => (file.endsWith('.int.test.ts') || file.endsWith('.int.test.tsx') ? 'int' : 'unit')
// vitest matches -t against the describe and test names joined by spaces.
const exactly = (name: string) => `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`

let failed = 0
for (const file of files) {
  const listed = spawnSync(vitest, ['list', '--project', project(file), file, '--json'], { encoding: 'utf8' })
  if (listed.status !== 0) {
    console.error(`${file}: could not list its tests\n${listed.stderr}`)
    failed++
    continue
  }
  // Setup output may come first; the list is the JSON array at the end.
  const tests = JSON.parse(listed.stdout.slice(listed.stdout.search(/^\[/m))) as { name: string }[]
  for (const { name } of tests) {
    const fullName = name.split(' > ').join(' ')
    const run = spawnSync(vitest, ['run', '--project', project(file), file, '-t', exactly(fullName)], { encoding: 'utf8' })
    // Exactly this one test ran (others skipped), and passed.
    const ok = run.status === 0 && /Tests\s+(\S+\s+)?1 passed/.test(run.stdout.replace(/\x1b\[[0-9;]*m/g, ''))
    console.log(`${ok ? '✓' : '✗'} ${file} › ${fullName}`)
    if (!ok) {
      failed++
      console.log(run.stdout.split('\n').slice(-40).join('\n'))
    }
  }
}
process.exit(failed > 0 ? 1 : 0)
