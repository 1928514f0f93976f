import type { VendorPageStatus } from '@/lib/data/vendor-status'
import { worstStatus, type ServiceStatus } from '@/lib/status/statuses'
import type { ComponentUptime } from '@/lib/status/uptime'
import { StatusBadge } from './status-badge'
import { UptimeBar } from './uptime-bar'

type Component = VendorPageStatus['components'][number]

/** Beyond this many components, groups start collapsed. */
const COLLAPSE_AFTER = 20

const worstOf = (items: Component[]): ServiceStatus => worstStatus(items.map((c) => c.status)) ?? 'unknown'

/**
 * Components as the vendor groups them, each with its 90-day uptime. "Only show if degraded"
 * components appear only while they are.
 */
export function ComponentList({ groups, components, uptime }: { groups: VendorPageStatus['groups']; components: Component[]; uptime: Map<string, ComponentUptime> }) {
  const visible = components.filter((c) => !c.onlyShowIfDegraded || c.status !== 'operational')
  if (visible.length === 0) return null
  const ungrouped = visible.filter((c) => !c.groupId || !groups.some((g) => g.id === c.groupId))
  const sections = [
    ...groups.map((g) => ({ key: g.id, name: g.name, items: visible.filter((c) => c.groupId === g.id) })),
    ...(ungrouped.length ? [{ key: 'ungrouped', name: groups.length ? 'Other components' : null, items: ungrouped }] : []),
  ].filter((s) => s.items.length > 0)
  const collapse = visible.length > COLLAPSE_AFTER
  return (
    <section aria-labelledby="components-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="components-heading" className="text-lg font-semibold">
          Components
        </h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">Uptime counts partial and major outages as down time.</p>
      </div>
      <div className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {sections.map((section) => {
          const rows = (
            <ul className="space-y-4">
              {section.items.map((c) => {
                const history = uptime.get(c.id)
                // Flat and styled by one class (.component-row in app/globals.css): 80 rows on a big
                // vendor's page, each sent as HTML and again in React's payload.
                return (
                  <li key={c.id} id={`component-${c.id}`} className="component-row">
                    <span>{c.name}</span>
                    <StatusBadge status={c.status} />
                    {history && <UptimeBar uptime={history} componentName={c.name} />}
                  </li>
                )
              })}
            </ul>
          )
          if (!section.name) return <div key={section.key} className="px-4 py-3">{rows}</div>
          // Long lists collapse their groups (native <details>: keyboard and screen reader friendly),
          // except a group with a problem in it, which stays open.
          const troubled = section.items.some((c) => c.status !== 'operational')
          return (
            <details key={section.key} open={!collapse || troubled} className="group px-4 py-3">
              <summary className="flex cursor-pointer list-none items-center justify-between gap-3 text-sm font-semibold text-slate-700 dark:text-slate-300">
                <h3>{section.name}</h3>
                <span className="flex items-center gap-2 font-normal">
                  {troubled ? <StatusBadge status={worstOf(section.items)} /> : <StatusBadge status="operational" />}
                  <span aria-hidden="true" className="text-slate-400 transition group-open:rotate-90">
                    ›
                  </span>
                </span>
              </summary>
              <div className="mt-3">{rows}</div>
            </details>
          )
        })}
      </div>
    </section>
  )
}
