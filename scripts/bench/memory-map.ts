// Where a process's resident memory is, by kind of mapping, from /proc/<pid>/smaps: what
// process.memoryUsage() cannot say (it sees V8's heap and the memory Node counts as external, not
// glibc's malloc heaps, WebAssembly memories, JIT code or thread stacks). The benchmarks print it
// after each stage (bench:memory for the server `npm start` spawns, bench:refresh for itself).
//
// smaps splits one mmap into several entries where the permissions change (a readable part and
// its PROT_NONE reservation), so adjacent anonymous entries are joined into one region first and
// the region is classified by its reserved (virtual) size and permissions:
//   - >= 1 GB reserved: a WebAssembly memory (V8 reserves 8-10 GB of address space per 32-bit
//     memory for bounds checks; only the pages the module touched are resident, and a Wasm memory
//     never shrinks: its high-water mark stays for the life of the process);
//   - [heap]: glibc's main malloc arena (brk); 64 MB-aligned regions of 64 MB: glibc's thread arenas;
//   - a region with an executable part: JIT code (V8's, or Liftoff's Wasm code);
//   - 8 MB + a guard page: a thread's stack;
//   - other anonymous memory: V8's heap pages outside the cage, malloc's mmap'd blocks (>= 128 KB:
//     V8 compile zones, Wasm module bytes), PGlite's/Prisma's buffers;
//   - file-backed: code and data of the node binary, shared libraries, and files read with mmap.
import fs from 'node:fs'

export interface MemoryMap {
  rssMb: number
  /** Resident MB by kind, largest first. */
  kinds: { kind: string; rssMb: number; regions: number }[]
}

interface Entry {
  start: bigint
  end: bigint
  perms: string
  path: string
  rssKb: number
}

const GB = 1n << 30n
const MB = 1n << 20n

/** The mappings of a smaps text, each with its resident kB. */
export function parseSmaps(text: string): Entry[] {
  const entries: Entry[] = []
  for (const line of text.split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (header) {
      entries.push({ start: BigInt(`0x${header[1]}`), end: BigInt(`0x${header[2]}`), perms: header[3] ?? '', path: (header[4] ?? '').trim(), rssKb: 0 })
      continue
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line)
    const last = entries[entries.length - 1]
    if (rss && last) last.rssKb = Number(rss[1])
  }
  return entries
}

interface Region {
  size: bigint
  rssKb: number
  executable: boolean
  path: string
  entries: number
}

/**
 * Anonymous entries of one mmap joined into a region: an entry followed by its PROT_NONE
 * reservation (a Wasm memory, a malloc arena), or a guard page followed by a stack. Two readable
 * neighbours stay apart (two arenas, V8's pages), so a region is one allocation.
 */
function regions(entries: Entry[]): Region[] {
  const out: Region[] = []
  let open: (Region & { end: bigint; loneGuard: boolean }) | null = null
  for (const e of entries) {
    const anonymous = e.path === ''
    const joins = e.perms.startsWith('---') || open?.loneGuard
    if (anonymous && joins && open && open.path === '' && open.end === e.start) {
      open.size += e.end - e.start
      open.rssKb += e.rssKb
      open.executable ||= e.perms.includes('x')
      open.entries++
      open.end = e.end
      open.loneGuard = false
      continue
    }
    open = { size: e.end - e.start, rssKb: e.rssKb, executable: e.perms.includes('x'), path: e.path, entries: 1, end: e.end, loneGuard: anonymous && e.perms.startsWith('---') }
    out.push(open)
  }
  return out
}

/** The kind of one region (see the header). */
export function classify(r: Region): string {
  if (r.path === '[heap]') return 'malloc main heap (brk)'
  if (r.path === '[stack]') return 'main thread stack'
  if (r.path.startsWith('[')) return 'kernel ([vdso], [vvar]…)'
  if (r.path !== '') {
    if (r.path.endsWith('.wasm')) return 'files: .wasm'
    if (/\/node$|\/node-/.test(r.path) || r.path.endsWith('/node')) return 'files: node binary'
    if (/\.so(\.|$)/.test(r.path) || r.path.endsWith('.node')) return 'files: shared libraries'
    return 'files: other (mmap-read data)'
  }
  if (r.executable) return 'JIT code (V8, Liftoff)'
  if (r.size >= GB) return 'Wasm memories (>= 1 GB reserved)'
  if (r.size === 64n * MB) return 'malloc thread arenas (64 MB each)'
  if (r.size >= 8n * MB && r.size <= 8n * MB + 64n * 1024n && r.entries === 2) return 'thread stacks'
  return 'other anonymous (malloc mmaps, V8 pages, buffers)'
}

export function memoryMapOf(text: string): MemoryMap {
  const byKind = new Map<string, { rssKb: number; regions: number }>()
  let total = 0
  for (const r of regions(parseSmaps(text))) {
    if (r.rssKb === 0) continue
    const kind = classify(r)
    const k = byKind.get(kind) ?? { rssKb: 0, regions: 0 }
    k.rssKb += r.rssKb
    k.regions++
    byKind.set(kind, k)
    total += r.rssKb
  }
  const kinds = [...byKind].map(([kind, k]) => ({ kind, rssMb: Math.round(k.rssKb / 1024), regions: k.regions })).sort((a, b) => b.rssMb - a.rssMb)
  return { rssMb: Math.round(total / 1024), kinds }
}

/** The memory map of a running process (null when it is gone, or off Linux). */
export function processMemoryMap(pid: number | 'self' = 'self'): MemoryMap | null {
  try {
    return memoryMapOf(fs.readFileSync(`/proc/${pid}/smaps`, 'utf8'))
  } catch {
    return null
  }
}

/** One line: "rss 390 MB = reservations 180 MB, other anonymous 120 MB, …" (kinds under 2 MB left out). */
export function memoryMapLine(map: MemoryMap | null): string {
  if (!map) return 'memory map: unavailable (no /proc)'
  return `rss ${map.rssMb} MB = ${map.kinds
    .filter((k) => k.rssMb >= 2)
    .map((k) => `${k.kind} ${k.rssMb} MB`)
    .join(', ')}`
}
