// The lint rules bite: each layer boundary and type rule in eslint.config.mjs fails on a deliberately
// wrong file, and the allowed imports next to it pass. The files are virtual (ESLint's lintText with a
// file path that decides which layer's rules apply), so no broken fixture sits in the tree for the real
// `npm run lint` to trip over.
import path from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const RESTRICTED = '@typescript-eslint/no-restricted-imports'

let eslint: ESLint
// Loading the config and the TypeScript parser takes seconds on a busy machine: do it once, here,
// with room, so each case below is quick.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT })
  await eslint.lintText('export {}\n', { filePath: path.join(ROOT, 'lib/warm-up.ts') })
}, 60_000)

/** The rule ids and messages ESLint reports for `code` as if it were the file at `file`. */
async function problems(file: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
  if (!result) throw new Error(`ESLint returned no result for ${file}`)
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }))
}

async function expectRestricted(file: string, code: string, why: string) {
  const found = await problems(file, code)
  expect(found, `${file}: ${code}`).toEqual([expect.objectContaining({ rule: RESTRICTED, message: expect.stringContaining(why) })])
}

async function expectClean(file: string, code: string) {
  expect(await problems(file, code), `${file}: ${code}`).toEqual([])
}

describe('components never import app/', () => {
  it('fails on an aliased and on a relative import of a route file', async () => {
    await expectRestricted('components/billing/wrong.tsx', `import { startCheckout } from '@/app/(app)/billing/actions'\nexport { startCheckout }\n`, 'components never import app/')
    await expectRestricted('components/billing/wrong.tsx', `import { startCheckout } from '../../app/(app)/billing/actions'\nexport { startCheckout }\n`, 'components never import app/')
  })

  it('lets a component import other components and lib', async () => {
    await expectClean('components/billing/fine.tsx', `import { Button } from '@/components/ui/button'\nimport { PLANS } from '@/lib/plans/plans'\nexport { Button, PLANS }\n`)
  })
})

describe('lib/data imports nothing above it', () => {
  for (const layer of ['ingest', 'notify', 'email', 'jobs', 'billing', 'catalog', 'accounts']) {
    it(`fails on lib/${layer}`, async () => {
      await expectRestricted('lib/data/wrong.ts', `import { x } from '@/lib/${layer}/anything'\nexport { x }\n`, 'lib/data holds queries only')
    })
  }

  it('fails on a dynamic import() of a layer above, which no-restricted-imports alone would miss', async () => {
    const found = await problems('lib/data/wrong.ts', `export const load = () => import('@/lib/ingest/refresh')\n`)
    expect(found).toEqual([expect.objectContaining({ rule: 'no-restricted-syntax', message: expect.stringContaining('lib/data holds queries only') })])
    await expectClean('lib/data/fine.ts', `export const load = () => import('@/lib/db/client')\n`)
  })

  it('fails on a relative import of the pipeline and on the UI', async () => {
    await expectRestricted('lib/data/wrong.ts', `import { runRefreshCycle } from '../ingest/refresh'\nexport { runRefreshCycle }\n`, 'lib/data holds queries only')
    await expectRestricted('lib/data/wrong.ts', `import { Button } from '@/components/ui/button'\nexport { Button }\n`, 'lib/data imports nothing above it')
  })

  it('lets lib/data use the Prisma client, the vocabulary and the errors', async () => {
    await expectClean(
      'lib/data/fine.ts',
      `import { db } from '@/lib/db/client'\nimport { Prisma } from '@/lib/db/generated/client'\nimport { NotFoundError } from '@/lib/errors'\nimport { env } from '@/lib/env'\nimport { x } from '@/lib/status/anything'\nexport { db, Prisma, NotFoundError, env, x }\n`,
    )
  })
})

describe('only lib/data and lib/db reach the Prisma client', () => {
  it('fails on the client, its Db type and the generated Prisma namespace outside lib/data', async () => {
    await expectRestricted('lib/ingest/wrong.ts', `import { db } from '@/lib/db/client'\nexport { db }\n`, 'Only lib/data and lib/db import the Prisma client')
    await expectRestricted('lib/notify/wrong.ts', `import type { Db } from '@/lib/db/client'\nexport type { Db }\n`, 'Only lib/data and lib/db import the Prisma client')
    await expectRestricted('lib/ingest/wrong.ts', `import { Prisma } from '@/lib/db/generated/client'\nexport { Prisma }\n`, 'Only lib/data and lib/db import the Prisma client')
    await expectRestricted('lib/ingest/wrong.ts', `import { PrismaClient } from '@prisma/client'\nexport { PrismaClient }\n`, 'Only lib/data and lib/db import the Prisma client')
    await expectRestricted('app/vendors/wrong.tsx', `import { db } from '@/lib/db/client'\nexport { db }\n`, 'Only lib/data and lib/db import the Prisma client')
    await expectRestricted('components/vendors/wrong.tsx', `import type { Vendor } from '@/lib/db/generated/models'\nexport type { Vendor }\n`, 'Only lib/data and lib/db import the Prisma client')
  })

  it('lets lib/ use the schema enums, but not pages and components', async () => {
    await expectClean('lib/catalog/fine.ts', `import { Platform } from '@/lib/db/generated/enums'\nexport { Platform }\n`)
    await expectRestricted('components/watchlist/wrong.ts', `import type { DeliveryMode } from '@/lib/db/generated/enums'\nexport type { DeliveryMode }\n`, 'domain types')
    await expectRestricted('app/(app)/wrong.tsx', `import type { DeliveryMode } from '@/lib/db/generated/enums'\nexport type { DeliveryMode }\n`, 'domain types')
  })

  it('lets operator scripts and tests, which are composition roots, open the database', async () => {
    await expectClean('scripts/fine.ts', `import { db } from '@/lib/db/client'\nexport { db }\n`)
    await expectClean('lib/ingest/fine.int.test.ts', `import { db } from '@/lib/db/client'\nexport { db }\n`)
  })
})

describe('the UI, the API and formatting never import the pipeline', () => {
  for (const file of ['app/vendors/wrong.tsx', 'components/vendors/wrong.tsx', 'lib/format/wrong.ts', 'lib/api/wrong.ts', 'lib/pages/wrong.ts', 'lib/actions/wrong.ts', 'lib/feeds/wrong.ts']) {
    it(`fails in ${file.split('/').slice(0, -1).join('/')}`, async () => {
      await expectRestricted(file, `import { x } from '@/lib/ingest/normalize'\nexport { x }\n`, 'never the pipeline (lib/ingest)')
    })
  }
})

describe('lib/ depends on neither app/ nor the UI', () => {
  it('fails on app/ and on a UI component', async () => {
    await expectRestricted('lib/notify/wrong.ts', `import { GET } from '@/app/api/health/route'\nexport { GET }\n`, 'lib/ never imports app/')
    await expectRestricted('lib/notify/wrong.ts', `import { X } from '@/components/vendors/status-badge'\nexport { X }\n`, 'lib/ never imports components/')
  })

  it('lets the mailers render the e-mail templates', async () => {
    await expectClean('lib/notify/fine.ts', `import { IncidentAlertEmail } from '@/components/emails/incident-alert'\nexport { IncidentAlertEmail }\n`)
  })
})

describe('no any and no non-null ! outside tests', () => {
  it('fails on both in application code', async () => {
    const found = await problems('lib/format/wrong.ts', `export const f = (x: any) => x\nexport const g = (m: Map<string, string>) => m.get('a')!\n`)
    expect(found.map((p) => p.rule)).toEqual(['@typescript-eslint/no-explicit-any', '@typescript-eslint/no-non-null-assertion'])
  })

  it('allows both in tests', async () => {
    await expectClean('lib/format/fine.test.ts', `export const f = (x: any) => x\nexport const g = (m: Map<string, string>) => m.get('a')!\n`)
  })
})
