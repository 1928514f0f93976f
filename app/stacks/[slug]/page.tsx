import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { StackView } from '@/components/stack/stack-view'
import { refreshIntervalMs } from '@/lib/env'
import { loadStackPage } from '@/lib/pages/stack-page'
import { cachedStackVendors } from '@/lib/pages/stack-page-cache'

export const dynamic = 'force-dynamic'

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
