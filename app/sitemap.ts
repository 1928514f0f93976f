import type { MetadataRoute } from 'next'
import { listVendorSlugs } from '@/lib/data/vendors'
import { env } from '@/lib/env'

// Built from the database on request (never at build time, when there is no database to read).
export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const url = (path: string) => new URL(path, env.APP_URL).toString()
  const vendors = await listVendorSlugs()
  return [
    { url: url('/'), changeFrequency: 'daily', priority: 1 },
    { url: url('/vendors'), changeFrequency: 'hourly', priority: 0.9 },
    ...vendors.map((v) => ({ url: url(`/vendors/${v.slug}`), lastModified: v.updatedAt, changeFrequency: 'hourly' as const, priority: 0.7 })),
  ]
}
