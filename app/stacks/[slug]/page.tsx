import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { StackView } from '@/components/stack/stack-view'
import { refreshIntervalMs } from '@/lib/env'
import { loadStackPage } from '@/lib/pages/stack-page'
import { cachedStackVendors } from '@/lib/pages/stack-page-cache'

// Cached and shared by every visitor (ISR), like the vendor pages: a render of a 50-vendor stack
// costs ~50 ms of CPU, a cached copy a few. Nothing here may depend on who asks (the header's
// account part is filled in by the browser). The copy is dropped at once when what it shows changes:
// - a vendor on it changes: its content is read through unstable_cache tagged `vendor:{slug}`
//   (lib/pages/stack-page-cache.ts), and Next.js 16 adds the tags of every unstable_cache call made
//   while rendering an ISR page to that page's cache entry (unstable_cache pushes them onto the
//   render's work unit store, type 'prerender-legacy'; they end up in the entry's x-next-cache-tags).
//   So the refresh's revalidateTag(vendor tag, { expire: 0 }) (app/vendors/[slug]/cached-pages.ts)
//   drops every stack page showing that vendor. Verified on a production build (next build + next
//   start, through e2e/stack.spec.ts): a refresh that changes a watched vendor shows on the next view.
// - the owner changes it (watches, followed components, publish, rename, take down, account
//   deletion): the actions drop the page's path (lib/pages/stack-page-drops.ts).
// Regenerated at least once a minute besides, for the time-derived parts (is a status stale, is a
// maintenance still open).
// The private link (/s/[token]) is not cached this way: see app/s/[token]/page.tsx.
export const revalidate = 60
export async function generateStaticParams() {
  return [] // rendered on first request, never at build time (the database belongs to the server)
}

type Params = Promise<{ slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params
  return { title: `${slug}'s stack`, alternates: { types: { 'application/atom+xml': `/stacks/${slug}/feed.atom` } } }
}

export default async function PublicStackPage({ params }: { params: Params }) {
  const model = await loadStackPage({ kind: 'slug', slug: (await params).slug }, new Date(), refreshIntervalMs, cachedStackVendors)
  if (!model) notFound()
  return <StackView model={model} />
}
