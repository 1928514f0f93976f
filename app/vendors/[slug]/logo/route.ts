import { findVendorLogo } from '@/lib/data/vendor-logos'

export const dynamic = 'force-dynamic'

/**
 * GET /vendors/{slug}/logo: the vendor's icon as we stored it, from our own origin. Pages link it
 * with `?v=<sha256 prefix>`, so a browser may keep it for a long time: a new icon is a new URL.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const logo = await findVendorLogo(slug)
  if (!logo) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=300' } })
  const versioned = new URL(request.url).searchParams.get('v') === logo.sha256.slice(0, 12)
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      'content-type': logo.contentType,
      'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      etag: `"${logo.sha256}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  })
}
