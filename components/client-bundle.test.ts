// What the browser downloads: no 'use client' module may reach zod or Node-only code through its
// imports. zod probes `Function("")` when it loads, which the Content-Security-Policy reports as an
// eval on every page, and server validators drag Node polyfills into the bundle (a 560 KB chunk
// once). Server actions are fine: the client gets a reference to them, not their code.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '..')
const FORBIDDEN = ['zod', 'node:crypto', 'crypto', '@prisma/client', 'pg', '@electric-sql/pglite']

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
  }
  return null
}

/** Value imports of a module (type-only imports vanish from the bundle). */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)].map((m) => (m[1] ?? m[2]) as string)
}

const isClientModule = (file: string) => /^\s*['"]use client['"]/.test(fs.readFileSync(file, 'utf8'))
const isServerActions = (file: string) => /^\s*['"]use server['"]/.test(fs.readFileSync(file, 'utf8'))

/** The chain of imports from `entry` to a forbidden package, or null. */
function forbiddenChain(entry: string): string[] | null {
  const seen = new Set<string>()
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null
    seen.add(file)
    for (const specifier of imports(file)) {
      if (FORBIDDEN.includes(specifier)) return [...chain, specifier]
      if (!specifier.startsWith('.') && !specifier.startsWith('@/')) continue
      const target = resolveLocal(file, specifier)
      if (!target || isServerActions(target)) continue
      const found = walk(target, [...chain, path.relative(ROOT, target)])
      if (found) return found
    }
    return null
  }
  return walk(entry, [path.relative(ROOT, entry)])
}

describe('client bundle', () => {
  const clientModules = ['app', 'components', 'lib'].flatMap((dir) => sourceFiles(path.join(ROOT, dir))).filter(isClientModule)

  it('finds the client modules', () => {
    expect(clientModules.length).toBeGreaterThan(5)
  })

  it('no client module imports zod or server-only code', () => {
    const chains = clientModules.map(forbiddenChain).filter((chain): chain is string[] => chain !== null)
    expect(chains.map((chain) => chain.join(' -> '))).toEqual([])
  })
})
