// @ts-check
import { fileURLToPath } from 'node:url'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The page cache, without a file per unknown vendor slug or incident id (see the handler).
  cacheHandler: fileURLToPath(new URL('./lib/cache/page-cache-handler.mjs', import.meta.url)),
  // The page cache's copy in the server's memory (least recently used dropped), in front of its
  // files: 50 MB by default, held as strings in V8's heap, which V8 lets grow past its live size
  // (README "Memory and a 512 MB host"): a crawler walking the 2,800 vendor pages would fill it. A
  // page that falls out is read back from its file (the operating system's page cache, outside the
  // server's RSS); the directory's search pages, kept only here, are rendered again.
  cacheMaxMemorySize: 16 * 1024 * 1024,
  // Keep the database packages out of the server bundle: they locate their .wasm/.data files
  // relative to their own module path at run time.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/schema-engine-wasm',
    '@prisma/driver-adapter-utils',
    '@prisma/adapter-pg',
    'pg',
  ],
  experimental: {
    // Our largest form (a watch's preferences: up to 500 component ids) is ~40 KB. Equal to
    // MAX_ACTION_BODY_BYTES (lib/api/request-body.ts), which proxy.ts enforces first with a 413:
    // Next.js itself answers an oversized fetch action with a 500.
    serverActions: { bodySizeLimit: '256kb' },
    // proxy.ts runs before every page, so Next.js buffers page POST bodies (server actions) for it,
    // 10 MB by default: no more than the action limit is worth holding.
    proxyClientMaxBodySize: '300kb',
  },
  // Pages get their headers (with a per-request CSP nonce) from proxy.ts; API answers are never
  // documents, so they get the strictest policy here.
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ]
  },
}

export default nextConfig
