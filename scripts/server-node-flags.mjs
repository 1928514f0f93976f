// The Node.js flags the production server runs with (scripts/start.ts passes them; a deployment
// that runs `node scripts/server.mjs` itself passes them too, see README "Memory").
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
