// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
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
}

export default nextConfig
