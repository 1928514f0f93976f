// ESLint holds the layering the README's "Architecture" section describes, so it cannot drift again.
// `npm run lint`; `scripts/lint-rules.test.ts` proves each rule fails on a wrong import.
//
// The boundaries are `no-restricted-imports` patterns (typescript-eslint's version, which can tell a
// type-only import from a value import) rather than a boundaries plugin: the project's cross-layer
// imports all go through the `@/` alias, and the few relative ones are caught by `(../)+` patterns,
// so the built-in rule says everything we need with no extra dependency.
//
// A rule that is in the way is argued in the README, not switched off here.
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

/** Test code and test support: exempt from the layer rules (an integration test may drive a route
 * handler and read the database directly) and from the `any`/`!` rules. */
export const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'lib/testing/**']

/** A specifier for `lib/<folder>` written with the `@/` alias or relatively from another lib folder. */
const libFolder = (names) => `^(@/lib/|(\\.\\./)+(lib/)?)(${names.join('|')})(/|$)`
/** A specifier for a top-level folder (`app`, `components`), aliased or relative. */
const topFolder = (name) => `^(@/|(\\.\\./)+)${name}(/|$)`

const APP = {
  regex: topFolder('app'),
  message: 'components never import app/: move what both need into components/ or lib/ (README "Architecture").',
}
const PIPELINE = {
  regex: libFolder(['ingest']),
  message: 'The UI, the API and formatting take the domain vocabulary from lib/status, never the pipeline (lib/ingest).',
}
const ABOVE_DATA = {
  regex: libFolder(['ingest', 'notify', 'email', 'jobs', 'billing', 'catalog', 'accounts']),
  message: 'lib/data holds queries only and imports nothing above it (only lib/db, lib/status, lib/env, lib/errors and pure helpers).',
}
const UI_FROM_DATA = {
  regex: topFolder('(app|components)'),
  message: 'lib/data imports nothing above it: no app/ or components/.',
}
// The Prisma client and everything generated from the schema except the enums: the database handle,
// the `Db`/`Prisma` types and the model types. Type-only imports count too, because the type of the
// whole client is exactly the reach the narrow data ports replace.
const PRISMA_CLIENT = {
  regex: '^(@/lib/|(\\.\\./)+(lib/)?)db/(client|generated(/(?!enums$).*)?)$|^@prisma/client(/|$)',
  message: 'Only lib/data and lib/db import the Prisma client or its generated types; take a lib/data function or a named data port instead.',
}
// The schema's enums (`lib/db/generated/enums`, which Prisma marks safe to import anywhere) are plain
// string constants with no way to reach the database, so lib/ may use them as the schema's
// vocabulary. The UI may not: pages and components speak the domain types (lib/status and friends),
// so a column rename shows up in one translation, not in every component.
const SCHEMA_ENUMS = {
  regex: '^(@/lib/|(\\.\\./)+(lib/)?)db/generated/enums$',
  message: 'Pages and components use domain types (lib/status, lib/data row types), not the Prisma schema enums.',
}
const APP_FROM_LIB = {
  regex: topFolder('app'),
  message: 'lib/ never imports app/: routes depend on lib, not the other way round.',
}
// E-mail templates are React components that the mailers in lib/ render; every other component is UI.
const UI_FROM_LIB = {
  regex: '^(@/|(\\.\\./)+)components/(?!emails/)',
  message: 'lib/ never imports components/ (only the e-mail templates in components/emails, which the mailers render).',
}

// The same patterns for `import('…')` expressions, which no-restricted-imports does not see. esquery
// regexes cannot contain a slash, so each one is written as \x2F.
const dynamicImportSelector = ({ regex, message }) => ({
  selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`,
  message,
})

const UI_LIB = ['lib/pages/**', 'lib/actions/**', 'lib/format/**', 'lib/api/**', 'lib/feeds/**']

const restrict = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: false })) }],
  'no-restricted-syntax': ['error', ...patterns.map(dynamicImportSelector)],
})

/**
 * One entry per layer with the union of its restrictions: a later flat-config entry replaces an
 * earlier entry's options for the same rule instead of adding to them, so the layers must not overlap.
 */
export const BOUNDARIES = [
  { name: 'components', files: ['components/**'], rules: restrict(APP, PIPELINE, PRISMA_CLIENT, SCHEMA_ENUMS) },
  { name: 'app', files: ['app/**'], rules: restrict(PIPELINE, PRISMA_CLIENT, SCHEMA_ENUMS) },
  { name: 'lib/data', files: ['lib/data/**'], rules: restrict(ABOVE_DATA, UI_FROM_DATA) },
  // The lib side of the UI and the API: page-model loaders, the shared actions, formatting, the
  // public JSON API and the feeds.
  {
    name: 'UI and API modules in lib',
    files: UI_LIB,
    rules: restrict(PIPELINE, PRISMA_CLIENT, APP_FROM_LIB, UI_FROM_LIB),
  },
  {
    name: 'the rest of lib',
    files: ['lib/**'],
    ignores: ['lib/data/**', 'lib/db/**', 'lib/email/**', ...UI_LIB],
    rules: restrict(PRISMA_CLIENT, APP_FROM_LIB, UI_FROM_LIB),
  },
  // The mailers render the templates in components/emails, and only those.
  { name: 'lib/email', files: ['lib/email/**'], rules: restrict(PRISMA_CLIENT, APP_FROM_LIB, UI_FROM_LIB) },
]

export default defineConfig([
  globalIgnores([
    '.next/**',
    '.data/**',
    'node_modules/**',
    'lib/db/generated/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
  ]),
  {
    name: 'typescript',
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  ...BOUNDARIES.map(({ name, files, ignores, rules }) => ({
    name: `boundaries: ${name}`,
    files,
    ignores: [...(ignores ?? []), ...TEST_FILES],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules,
  })),
  {
    name: 'tests',
    files: TEST_FILES,
    rules: {
      // Tests may assert on shapes they built themselves, and `!` after an expect() is the clearest way.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
])
