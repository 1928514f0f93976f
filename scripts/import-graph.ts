/**
 * Counts imports between the project's layers: `npm run arch:graph`.
 *
 * Why a script and not a lint report: the architecture issue asks for the before/after import graph as
 * figures anyone can reproduce at any commit (`git stash`-free: `git worktree add /tmp/x <sha>` then
 * run this there). ESLint enforces the rules; this prints the shape.
 *
 * A layer is `app`, `components`, `scripts`, `e2e`, or `lib/<folder>`. Tests are counted separately
 * (`--tests` includes them). Output: every layer→layer edge with its count, then the edges the
 * README's layering forbids.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const includeTests = process.argv.includes('--tests');
const SKIP = new Set(['node_modules', '.next', '.data', 'generated', 'test-results', 'playwright-report', '.git']);
const EXT = /\.(ts|tsx|mts|mjs|js)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (EXT.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts')) out.push(path);
  }
  return out;
}

const isTest = (file: string) => /\.(int\.)?test\.tsx?$|\.spec\.ts$/.test(file) || file.includes('/lib/testing/');

export function layerOf(file: string): string {
  const rel = relative(root, file).split('\\').join('/');
  const [top = '', second] = rel.split('/');
  if (top === 'lib' && second && !EXT.test(second)) return `lib/${second}`;
  if (top === 'lib') return 'lib';
  if (['app', 'components', 'scripts', 'e2e'].includes(top)) return top;
  return 'root';
}

const SPECIFIER = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function targetOf(file: string, spec: string): string | null {
  if (spec.startsWith('@/')) return join(root, spec.slice(2));
  if (spec.startsWith('.')) return resolve(dirname(file), spec);
  return null; // a package
}

/** Edges that the layering forbids (README "Architecture"). */
function forbidden(from: string, to: string, spec: string): string | null {
  if (from === 'components' && to === 'app') return 'components import app/';
  if (from === 'lib/data' && ['lib/ingest', 'lib/notify', 'lib/email', 'lib/jobs', 'lib/billing', 'lib/catalog', 'lib/accounts'].includes(to))
    return 'lib/data imports a layer above it';
  // The mailers in lib/ render the e-mail templates in components/emails, as eslint.config.mjs allows.
  if (from.startsWith('lib/') && (to === 'app' || (to === 'components' && !spec.includes('components/emails/'))))
    return 'lib imports app/ or components/';
  // The same UI/API layers as eslint.config.mjs.
  if (['app', 'components', 'lib/pages', 'lib/actions', 'lib/format', 'lib/api', 'lib/feeds'].includes(from) && to === 'lib/ingest')
    return 'UI/API imports the pipeline (lib/ingest)';
  return null;
}

const files = walk(root).filter((f) => includeTests || !isTest(f));
const edges = new Map<string, number>();
const violations = new Map<string, string[]>();
const prismaImporters: string[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const from = layerOf(file);
  for (const match of text.matchAll(SPECIFIER)) {
    // The pattern's three alternatives each capture one group, so exactly one is set.
    const spec = match[1] ?? match[2] ?? match[3] ?? '';
    if (/lib\/db\/(client|generated)|@prisma\/client/.test(spec) && !file.includes('/lib/db/')) prismaImporters.push(relative(root, file));
    const target = targetOf(file, spec);
    if (!target) continue;
    const to = layerOf(target);
    if (to === from) continue;
    const key = `${from} -> ${to}`;
    edges.set(key, (edges.get(key) ?? 0) + 1);
    const rule = forbidden(from, to, spec);
    if (rule) violations.set(rule, [...(violations.get(rule) ?? []), `${relative(root, file)} -> ${spec}`]);
  }
}

const total = [...edges.values()].reduce((a, b) => a + b, 0);
console.log(`files: ${files.length}${includeTests ? ' (tests included)' : ' (tests excluded; --tests to include)'}`);
console.log(`cross-layer imports: ${total} over ${edges.size} layer pairs`);
for (const [edge, count] of [...edges].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(4)}  ${edge}`);
const prismaOutside = [...new Set(prismaImporters)].filter((f) => !f.startsWith('lib/data/'));
console.log(`\nfiles outside lib/data importing the Prisma client or its types: ${prismaOutside.length}`);
for (const f of prismaOutside) console.log(`  ${f}`);
let bad = 0;
console.log('\nforbidden edges:');
for (const [rule, list] of violations) {
  bad += list.length;
  console.log(`  ${rule}: ${list.length}`);
  for (const line of list) console.log(`    ${line}`);
}
console.log(`total forbidden: ${bad}`);
