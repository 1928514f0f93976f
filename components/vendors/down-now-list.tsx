import Link from 'next/link'
import type { DownNowItem } from '@/lib/pages/home'
import { STATUS_META } from './status-meta'

/**
 * The vendors having a problem right now, each in the words of its own page's first line
 * (lib/status/answer.ts), most-watched first. Status is said in words and a glyph, colour third.
 */
export function DownNowList({ items }: { items: readonly DownNowItem[] }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" data-testid="down-now">
      {items.map((v) => {
        const meta = STATUS_META[v.status]
        return (
          <li key={v.slug} className="flex gap-3 p-4">
            <span aria-hidden="true" className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${meta.dotClass}`}>
              {meta.symbol}
            </span>
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <Link href={`/vendors/${v.slug}`} className="font-semibold break-words text-brand-700 hover:underline dark:text-brand-300">
                  {v.name}
                </Link>
                <span className="text-sm text-slate-700 dark:text-slate-300">{meta.label}</span>
                {v.watchers > 0 && (
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {v.watchers.toLocaleString('en')} {v.watchers === 1 ? 'watcher' : 'watchers'}
                  </span>
                )}
              </p>
              <p className="text-sm text-slate-700 dark:text-slate-300">{v.answer}</p>
              {v.incident && (
                <p className="text-sm">
                  <Link href={`/vendors/${v.slug}/incidents/${v.incident.id}`} className="underline">
                    {v.incident.title}
                  </Link>
                  {v.incident.others > 0 && <span className="text-slate-600 dark:text-slate-400"> and {v.incident.others} more</span>}
                </p>
              )}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
