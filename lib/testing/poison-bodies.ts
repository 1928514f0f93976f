// Upstream texts that broke or stalled the Markdown renderer before it was bounded (stack
// overflows, quadratic delimiter matching), plus their relatives. Shared by the renderer's unit
// tests and the ingest-to-inbox integration test.
export const POISON_BODIES: [name: string, body: string][] = [
  ['2 KB of >', '>'.repeat(2_000)],
  ['10 KB of "> "', '> '.repeat(5_000)],
  ['100 KB of *a', '*a'.repeat(50_000)],
  ['100 KB of _a', '_a'.repeat(50_000)],
  ['20 KB of nested emphasis', `${'*'.repeat(10_000)}a${'*'.repeat(10_000)}`],
  ['5,000 inline list markers', `${'- '.repeat(5_000)}x`],
  ['140 indented list levels', Array.from({ length: 140 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
  ['100 KB of [', '['.repeat(100_000)],
  ['100 KB of (', '('.repeat(100_000)],
  ['50 KB of ![', '!['.repeat(25_000)],
  ['100 KB of `a', '`a'.repeat(50_000)],
  ['100 KB of <', '<'.repeat(100_000)],
  ['100 KB of <div>', '<div>'.repeat(20_000)],
  ['1 MB of plain text', 'hello world. '.repeat(80_000)],
]
