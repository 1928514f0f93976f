import { unstable_cache } from 'next/cache'
import Link from 'next/link'
import { Card } from '@/components/ui/card'
import { DownNowList } from '@/components/vendors/down-now-list'
import { PossibleOutageList } from '@/components/vendors/possible-outage-list'
import { VendorSearchForm } from '@/components/vendors/vendor-search-form'
import { DOWN_NOW_TAG } from '@/app/vendors/[slug]/cached-pages'
import { refreshIntervalMs } from '@/lib/env'
import { formatUtc } from '@/lib/format/date-time'
import { loadHome } from '@/lib/pages/home'

// Rendered per request (its CSP nonce, lib/security/headers.ts), never at build time (the embedded
// database belongs to the running server); its data comes from Next's data cache, dropped at once
// when a refresh changes any vendor (DOWN_NOW_TAG) and recomputed at least once a minute, so a
// visit costs no query.
export const dynamic = 'force-dynamic'

const loadCachedHome = unstable_cache(() => loadHome(new Date(), refreshIntervalMs), ['home-down-now'], { revalidate: 60, tags: [DOWN_NOW_TAG] })

const FEATURES = [
  { title: 'Every vendor, one place', body: 'Current status per component, incidents with every update, and postmortems, read from each vendor’s own status page.' },
  { title: 'A watchlist of your own', body: 'Watch up to 10 vendors free. We tell you when one of them opens, updates or resolves an incident.' },
  { title: 'Honest freshness', body: 'Every page says when we last checked. When a status page cannot be read, we say so instead of guessing.' },
]

export default async function HomePage() {
  const home = await loadCachedHome()
  const asOf = formatUtc(new Date(home.asOf))
  return (
    <div className="space-y-10">
      <section aria-labelledby="down-heading" className="space-y-3 pt-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="down-heading" className="text-3xl font-semibold tracking-tight">
            Down right now
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Official incidents, most-watched first, as of <time dateTime={home.asOf}>{asOf}</time>
          </p>
        </div>
        {home.downNow.length > 0 ? (
          <>
            <DownNowList items={home.downNow} />
            <p className="text-sm">
              <Link href="/vendors" className="font-medium text-brand-600 hover:underline dark:text-brand-400">
                Every vendor having problems →
              </Link>
            </p>
          </>
        ) : (
          <Card className="p-5" data-testid="down-now-none">
            <p>
              <span aria-hidden="true">✓ </span>None of the {home.totalVendors.toLocaleString('en')} vendors we watch reports a problem on its status page right now.
            </p>
          </Card>
        )}
        {home.possibleOutages.length > 0 && <PossibleOutageList items={home.possibleOutages} />}
      </section>

      <section aria-labelledby="search-heading" className="space-y-3">
        <h2 id="search-heading" className="text-xl font-semibold">
          Is it down? Check any vendor
        </h2>
        <p className="text-slate-600 dark:text-slate-300">
          Vendorwatch watches the public status pages of {home.totalVendors.toLocaleString('en')} cloud vendors (Stripe, GitHub, AWS, OpenAI and more) and
          alerts you when one you depend on has an incident.
        </p>
        <div className="max-w-xl">
          <VendorSearchForm />
        </div>
        <Link href="/vendors" className="inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-400">
          Browse all {home.totalVendors.toLocaleString('en')} vendors →
        </Link>
      </section>

      <section aria-labelledby="features-heading">
        <h2 id="features-heading" className="sr-only">
          What Vendorwatch does
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {FEATURES.map((f) => (
            <li key={f.title}>
              <Card className="h-full p-5">
                <h3 className="font-medium">{f.title}</h3>
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{f.body}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
