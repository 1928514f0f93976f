import type { VendorStatusDetail } from '@/lib/data/vendor-status'
import { StatusBadge } from './status-badge'

type Component = VendorStatusDetail['components'][number]

/** Components as the vendor groups them; "only show if degraded" ones appear only when they are. */
export function ComponentList({ groups, components }: { groups: VendorStatusDetail['groups']; components: Component[] }) {
  const visible = components.filter((c) => !c.onlyShowIfDegraded || c.status !== 'operational')
  if (visible.length === 0) return null
  const ungrouped = visible.filter((c) => !c.groupId || !groups.some((g) => g.id === c.groupId))
  const sections = [
    ...groups.map((g) => ({ key: g.id, name: g.name, items: visible.filter((c) => c.groupId === g.id) })),
    ...(ungrouped.length ? [{ key: 'ungrouped', name: groups.length ? 'Other components' : null, items: ungrouped }] : []),
  ].filter((s) => s.items.length > 0)
  return (
    <section aria-labelledby="components-heading" className="space-y-3">
      <h2 id="components-heading" className="text-lg font-semibold">
        Components
      </h2>
      <div className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {sections.map((section) => (
          <div key={section.key} className="px-4 py-3">
            {section.name && <h3 className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">{section.name}</h3>}
            <ul className="space-y-2">
              {section.items.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3">
                  <span className="min-w-0 truncate">{c.name}</span>
                  <StatusBadge status={c.status} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  )
}
