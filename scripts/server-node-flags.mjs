// How `npm start` runs the production server's Node.js process (scripts/start.ts; a deployment that
// runs `node scripts/server.mjs` itself should do the same, see README "Memory and a 512 MB host").
// bench:memory measures it through the real `npm start`; bench:refresh runs its cycles in a process
// started the same way (serverProcess below), so both measure what users run.
//
// --liftoff-only: WebAssembly is compiled by V8's baseline compiler only. Two large Wasm modules
// run inside the app: PGlite (PostgreSQL, ~9 MB of Wasm) and Prisma's query compiler; the embedded
// start adds Prisma's schema engine. By default V8 recompiles hot Wasm functions with TurboFan in
// the background, and TurboFan's compile zones for PostgreSQL's big functions took 450-550 MB for
// a few seconds: on the embedded database 20 catalog queries peaked at 709 MB RSS with tier-up and
// 148 MB without; opening the schema engine cost 334 MB instead of 16 MB. The same queries ran no
// slower (0.69-0.79 s against 0.66-0.97 s per 100), and the 10,000-email notifier pass took the
// same CPU time (4.4 s against 4.5 s). Node refuses V8 flags in NODE_OPTIONS and ignores this one
// when set at run time (v8.setFlagsFromString), so it must be on the command line.
export const SERVER_NODE_FLAGS = ['--liftoff-only']

/**
 * V8 heap settings the server gets by default, each only when the operator's NODE_OPTIONS does not
 * set that flag itself (theirs win; e.g. the 512 MB host's `--max-old-space-size=160`).
 *
 * --max-semi-space-size=8: each half of V8's young generation grows to at most 8 MB. Node 24's V8
 * lets it grow to 64 MB (heap_size_limit is the old generation + 192 MB), so up to ~130 MB of the
 * server's RSS could be young-generation space holding a few MB of live objects. Older Node versions'
 * V8 stopped at 16 MB; 8 MB means more, shorter scavenges of the same garbage (the small host's
 * 4 MB took the same CPU time for the notifier's 10,000 emails).
 *
 * --max-old-space-size=1024: not a budget (the server's live heap is 40-80 MB; a live heap of 1 GB
 * would be a leak) but a size class. V8 picks how far the old generation may grow past its live
 * size from this limit: 4x when it is 2 GB or more (the default here is 4 GB, sized from the
 * machine), scaled down to 1.3x at 256 MB; at 1 GB about 1.6x. With both settings a 2,000-vendor
 * refresh cycle left V8 69 MB committed for 39 MB live instead of 182 MB for 46 MB, and peaked at
 * 231 MB RSS instead of 422 MB (bench:refresh); a server with a bigger catalog still has 10x
 * headroom before V8 would stop it.
 */
export const SERVER_V8_DEFAULTS = [
  ['--max-semi-space-size', '8'],
  ['--max-old-space-size', '1024'],
]

/** The flag name of a Node/V8 option ("--max-old-space-size=160" -> "--max-old-space-size", "_" read as "-"). */
const flagName = (option) => option.split('=')[0].replace(/_/g, '-')

/**
 * NODE_OPTIONS for the server: the defaults the operator's NODE_OPTIONS does not set, then theirs.
 * (Their own come last as well, so where V8 sees a flag twice, the last one, theirs, wins anyway.)
 * @param {string | undefined} operatorNodeOptions
 * @returns {string}
 */
export function serverNodeOptions(operatorNodeOptions = '') {
  const theirs = new Set(operatorNodeOptions.split(/\s+/).filter(Boolean).map(flagName))
  const defaults = SERVER_V8_DEFAULTS.filter(([name]) => !theirs.has(name)).map(([name, value]) => `${name}=${value}`)
  return [...defaults, operatorNodeOptions.trim()].filter(Boolean).join(' ')
}

/**
 * The environment and arguments of a server process: `node <SERVER_NODE_FLAGS> <script>` with
 * serverNodeOptions in the given environment. No glibc malloc settings: the server's thread arenas
 * hold 7-20 MB and MALLOC_ARENA_MAX=2 changed nothing measurable (README "Memory").
 * @template {Record<string, string | undefined>} Env
 * @param {Env} env
 * @returns {{ env: Env & { NODE_OPTIONS: string }, flags: string[] }}
 */
export function serverProcess(env) {
  return { env: { ...env, NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS) }, flags: SERVER_NODE_FLAGS }
}
