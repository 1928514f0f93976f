import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { StackView } from '@/components/stack/stack-view'
import { refreshIntervalMs } from '@/lib/env'
import { loadStackPage } from '@/lib/pages/stack-page'
import { cachedStackVendors } from '@/lib/pages/stack-page-cache'

// Rendered on every request, never kept in the page cache like the public /stacks/{slug} page: Next.js
// names a cached page's files after its URL (.next/server/route-cache/…/s/{token}.html), which would
// write the secret token to disk, where we keep only its sha256 (lib/data/stack-pages.ts). Revoking
// or replacing the link is a 404 on the next request with nothing to drop.
export const dynamic = 'force-dynamic'
// A private link: never indexed, never sent on as a Referer (lib/security/headers.ts).
export const metadata: Metadata = { title: 'Private stack', robots: { index: false, follow: false } }

export default async function PrivateStackPage({ params }: { params: Promise<{ token: string }> }) {
  const model = await loadStackPage({ kind: 'token', token: (await params).token }, new Date(), refreshIntervalMs, cachedStackVendors)
  if (!model) notFound()
  return <StackView model={model} />
}
