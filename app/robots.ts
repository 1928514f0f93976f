import type { MetadataRoute } from 'next'
import { env } from '@/lib/env'

export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/dashboard', '/settings', '/watchlist', '/sign-in', '/sign-up'] },
    sitemap: new URL('/sitemap.xml', env.APP_URL).toString(),
  }
}
