import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { StackView } from '@/components/stack/stack-view'
import { refreshIntervalMs } from '@/lib/env'
import { loadStackPage } from '@/lib/pages/stack-page'
import { cachedStackVendors } from '@/lib/pages/stack-page-cache'

export const dynamic = 'force-dynamic'
// A private link: never indexed, never sent on as a Referer (lib/security/headers.ts).
export const metadata: Metadata = { title: 'Private stack', robots: { index: false, follow: false } }

export default async function PrivateStackPage({ params }: { params: Promise<{ token: string }> }) {
  const model = await loadStackPage({ kind: 'token', token: (await params).token }, new Date(), refreshIntervalMs, cachedStackVendors)
  if (!model) notFound()
  return <StackView model={model} />
}
