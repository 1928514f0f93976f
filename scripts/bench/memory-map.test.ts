import { describe, expect, it } from 'vitest'
import { memoryMapLine, memoryMapOf } from './memory-map'

const entry = (start: bigint, end: bigint, perms: string, path: string, rssKb: number) =>
  `${start.toString(16)}-${end.toString(16)} ${perms} 00000000 00:00 0 ${path}\nSize: ${(end - start) / 1024n} kB\nRss: ${rssKb} kB\nPss: ${rssKb} kB\n`
const MB = 1n << 20n
const GB = 1n << 30n

describe('memoryMapOf', () => {
  it('sorts resident memory into the kinds of mapping that hold it', () => {
    const smaps = [
      entry(0x400000n, 0x400000n + 100n * MB, 'r-xp', '/usr/bin/node', 40 * 1024),
      entry(0x10000000n, 0x10000000n + 90n * MB, 'rw-p', '[heap]', 80 * 1024),
      // A Wasm memory: 64 MB readable, the rest of its 10 GB reservation PROT_NONE (one mmap, two entries).
      entry(0x7f0000000000n, 0x7f0000000000n + 64n * MB, 'rw-p', '', 30 * 1024),
      entry(0x7f0000000000n + 64n * MB, 0x7f0000000000n + 10n * GB, '---p', '', 0),
      // A glibc thread arena: 64 MB reserved, 3 MB in use.
      entry(0x7e0004000000n, 0x7e0004300000n, 'rw-p', '', 3 * 1024),
      entry(0x7e0004300000n, 0x7e0008000000n, '---p', '', 0),
      // The next arena, right after it.
      entry(0x7e0008000000n, 0x7e0008100000n, 'rw-p', '', 1024),
      entry(0x7e0008100000n, 0x7e000c000000n, '---p', '', 0),
      // A thread stack: guard page, then 8 MB.
      entry(0x7d0000000000n, 0x7d0000001000n, '---p', '', 0),
      entry(0x7d0000001000n, 0x7d0000801000n, 'rw-p', '', 100),
      entry(0x7c0000000000n, 0x7c0000000000n + 128n * MB, 'rwxp', '', 12 * 1024),
      entry(0x7b0000000000n, 0x7b0000000000n + 256n * 1024n, 'rw-p', '', 256),
      entry(0x7a0000000000n, 0x7a0000000000n + 10n * MB, 'r--p', '/app/node_modules/x/lib.so', 2 * 1024),
    ].join('')
    const map = memoryMapOf(smaps)
    const mb = (kind: string) => map.kinds.find((k) => k.kind === kind)?.rssMb
    expect(map.rssMb).toBe(40 + 80 + 30 + 3 + 1 + 0 + 12 + 0 + 2)
    expect(mb('files: node binary')).toBe(40)
    expect(mb('malloc main heap (brk)')).toBe(80)
    expect(mb('Wasm memories (>= 1 GB reserved)')).toBe(30)
    expect(mb('malloc thread arenas (64 MB each)')).toBe(4)
    expect(mb('JIT code (V8, Liftoff)')).toBe(12)
    expect(mb('files: shared libraries')).toBe(2)
    expect(map.kinds[0]?.kind).toBe('malloc main heap (brk)')
    expect(memoryMapLine(map)).toMatch(/^rss 168 MB = malloc main heap \(brk\) 80 MB, files: node binary 40 MB, Wasm memories/)
  })
})
