// The Node.js options the README recommends for a 512 MB host, in one place: `bench:memory` (the
// real `npm start`) and `bench:notify` (the sender) take `--small-host` (or BENCH_SMALL_HOST=1) to
// run with them; for bench:refresh the README gives the command line.
//
// --max-old-space-size caps V8's old generation: without it V8 sizes the heap from the machine's
// memory and lets garbage pile up to several hundred MB before collecting (the notifier's sender
// peaked at 517 MB without it, ~255 MB with it; a refresh cycle at 429 MB and 226 MB). The live
// heap of the server is 60-80 MB. --max-semi-space-size caps each half of the young generation,
// which otherwise grows to 16 MB and more under allocation-heavy rendering: 4 MB took another
// ~8 MB off the notifier's peak for the same CPU time (4.3-4.6 s against 4.4 s).
import { serverNodeOptions } from '../server-node-flags.mjs'

export const SMALL_HOST_NODE_OPTIONS = '--max-old-space-size=160 --max-semi-space-size=4'

/** True when this run asks for the 512 MB host's options (`--small-host` or BENCH_SMALL_HOST=1). */
export function smallHostRequested(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  return argv.includes('--small-host') || env.BENCH_SMALL_HOST === '1' || env.BENCH_SMALL_HOST === 'true'
}

/** NODE_OPTIONS for a child process: the caller's own plus, when asked, the small host's. */
export function childNodeOptions(smallHost: boolean, env: NodeJS.ProcessEnv = process.env): string {
  return [env.NODE_OPTIONS, smallHost ? SMALL_HOST_NODE_OPTIONS : ''].filter(Boolean).join(' ')
}

/**
 * NODE_OPTIONS for a benchmark process that stands for the server, such as the notifier's sender
 * (in production it runs inside the server `npm start` starts): the server's V8 defaults
 * (scripts/server-node-flags.mjs) under the caller's own and, when asked, the small host's, which
 * win where they set the same flag. So a default run measures what users run.
 */
export function serverChildNodeOptions(smallHost: boolean, env: NodeJS.ProcessEnv = process.env): string {
  return serverNodeOptions(childNodeOptions(smallHost, env))
}
