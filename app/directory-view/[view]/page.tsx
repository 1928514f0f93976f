import type { Metadata } from 'next'
import { DirectoryView } from '@/components/vendors/directory-view'
import { refreshIntervalMs } from '@/lib/env'
import { DIRECTORY_METADATA, loadDirectory } from '@/lib/pages/directory'
import { readDirectoryView } from '@/lib/pages/directory-view-path'

// The public directory, /vendors?q=…&category=…, one cached page per view: proxy.ts rewrites each
// GET of /vendors here (lib/pages/directory-view-path.ts); its canonical URL is /vendors.
// Shared by every visitor, so nothing here may depend on who asks (Watch buttons learn that in the
// browser). Dropped when a refresh changes any vendor (app/vendors/[slug]/cached-pages.ts: the
// statuses and "having problems now" are on it) and regenerated at least once a minute for the
// time-derived parts and catalog changes. The page cache keeps only the unfiltered page on disk;
// searches, categories and later pages are kept in memory, where Next.js bounds them (lib/cache).
export const revalidate = 60
export async function generateStaticParams() {
  return [] // rendered on first request, never at build time (the database belongs to the server)
}

export const metadata: Metadata = DIRECTORY_METADATA

export default async function DirectoryViewPage({ params }: { params: Promise<{ view: string }> }) {
  return <DirectoryView data={await loadDirectory(readDirectoryView((await params).view), new Date(), refreshIntervalMs)} />
}
