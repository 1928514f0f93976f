import type { Metadata } from 'next'
import { DirectoryView } from '@/components/vendors/directory-view'
import { refreshIntervalMs } from '@/lib/env'
import { DIRECTORY_METADATA, loadDirectory } from '@/lib/pages/directory'

// Visitors' GETs of /vendors never reach this page: proxy.ts rewrites them to the cached
// /directory-view/{view} (ISR). What still lands here renders per request: server actions posted
// from the directory (a row's Watch button) and router prefetches, which skip the proxy.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = DIRECTORY_METADATA

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function VendorsPage({ searchParams }: { searchParams: SearchParams }) {
  return <DirectoryView data={await loadDirectory(await searchParams, new Date(), refreshIntervalMs)} />
}
