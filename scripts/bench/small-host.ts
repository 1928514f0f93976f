// The Node.js options the README recommends for a 512 MB host, in one place: `npm start` and every
// benchmark take `--small-host` (or BENCH_SMALL_HOST=1) to run their server or worker with them.
//
// --max-old-space-size caps V8's old generation: without it V8 sizes the heap from the machine's
// memory and lets garbage pile up to several hundred MB before collecting (the notifier's peak of
// 770 MB was mostly that). --max-semi-space-size caps each young-generation half-space, V8's
// nursery, which otherwise grows to 16-32 MB per half under allocation-heavy rendering.
export const SMALL_HOST_NODE_OPTIONS = '--max-old-space-size=160 --max-semi-space-size=8'

/** True when this run asks for the 512 MB host's options (`--small-host` or BENCH_SMALL_HOST=1). */
export function smallHostRequested(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  return argv.includes('--small-host') || env.BENCH_SMALL_HOST === '1' || env.BENCH_SMALL_HOST === 'true'
}

/** NODE_OPTIONS for a child process: the caller's own plus, when asked, the small host's. */
export function childNodeOptions(smallHost: boolean, env: NodeJS.ProcessEnv = process.env): string {
  return [env.NODE_OPTIONS, smallHost ? SMALL_HOST_NODE_OPTIONS : ''].filter(Boolean).join(' ')
}
