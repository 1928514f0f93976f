import Link from 'next/link'
import { Card } from '@/components/ui/card'
import { VendorList } from '@/components/vendors/vendor-list'
import { VendorSearchForm } from '@/components/vendors/vendor-search-form'
import { countVendors, findVendorsBySlugs } from '@/lib/data/vendors'

// Reads the database on every request; never prerendered at build time (the embedded database
// belongs to the running server, not to the build).
export const dynamic = 'force-dynamic'

const POPULAR = ['github', 'amazon-web-services', 'google-cloud', 'stripe', 'openai', 'slack', 'cloudflare', 'vercel', 'twilio', 'datadog']

const FEATURES = [
  { title: 'Every vendor, one place', body: 'Current status per component, incidents with every update, and postmortems, read from each vendor’s own status page.' },
  { title: 'A watchlist of your own', body: 'Watch up to 10 vendors free. We tell you when one of them opens, updates or resolves an incident.' },
  { title: 'Honest freshness', body: 'Every page says when we last checked. When a status page cannot be read, we say so instead of guessing.' },
]

export default async function HomePage() {
  const [popular, total] = await Promise.all([findVendorsBySlugs(POPULAR), countVendors()])
  return (
    <div className="space-y-12">
      <section className="mx-auto max-w-3xl pt-6 text-center">
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Know when the clouds you depend on are down</h1>
        <p className="mt-4 text-lg text-slate-600 dark:text-slate-300">
          Vendorwatch watches the public status pages of {total.toLocaleString('en')} cloud vendors (Stripe, GitHub, AWS, OpenAI and more) and
          alerts you when one you depend on has an incident.
        </p>
        <div className="mx-auto mt-8 max-w-xl text-left">
          <VendorSearchForm />
        </div>
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

      {popular.length > 0 && (
        <section aria-labelledby="popular-heading" className="space-y-4">
          <div className="flex items-baseline justify-between">
            <h2 id="popular-heading" className="text-xl font-semibold">
              Popular vendors
            </h2>
            <Link href="/vendors" className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-400">
              Browse all {total.toLocaleString('en')} vendors →
            </Link>
          </div>
          <VendorList vendors={popular} />
        </section>
      )}
    </div>
  )
}
