import Link from 'next/link'
import { LocalTime } from '@/components/time/local-time'
import type { PossibleOutageItem } from '@/lib/pages/home'

/**
 * Possible outages on the home page, most-watched first: kept apart from the vendors' own incidents
 * and labelled unofficial on every line, since the vendor's page has not said so (yet).
 */
export function PossibleOutageList({ items }: { items: readonly PossibleOutageItem[] }) {
  return (
    <section aria-labelledby="possible-heading" className="space-y-2 pt-2" data-testid="possible-outages">
      <h2 id="possible-heading" className="text-lg font-semibold">
        Possible outages
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">Unofficial: from Vendorwatch users&apos; reports and our probes, not confirmed by the vendors&apos; status pages.</p>
      <ul className="divide-y divide-amber-200 overflow-hidden rounded-lg border border-amber-300 bg-amber-50 dark:divide-amber-400/20 dark:border-amber-400/40 dark:bg-amber-400/10">
        {items.map((p) => (
          <li key={p.slug} className="flex gap-3 p-4">
            <span aria-hidden="true" className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-amber-500 text-xs font-bold text-white dark:bg-amber-400 dark:text-slate-900">
              ?
            </span>
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <Link href={`/vendors/${p.slug}`} className="font-semibold break-words text-brand-700 hover:underline dark:text-brand-300">
                  {p.name}
                </Link>
                <span className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-300/20 dark:text-amber-100">Unofficial</span>
                {p.watchers > 0 && (
                  <span className="text-xs text-slate-700 dark:text-slate-300">
                    {p.watchers.toLocaleString('en')} {p.watchers === 1 ? 'watcher' : 'watchers'}
                  </span>
                )}
              </p>
              <p className="text-sm text-slate-800 dark:text-slate-200">
                {p.description}, since <LocalTime iso={p.openedAt} style="time" />.
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
