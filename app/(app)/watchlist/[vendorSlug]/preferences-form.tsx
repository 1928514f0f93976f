'use client'

import { useActionState, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Card } from '@/components/ui/card'
import { FieldError } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { DELIVERY_LABELS, MIN_IMPACT_LABELS } from '@/components/watchlist/alert-summary'
import type { DeliveryMode, MinImpact } from '@/lib/validation/watchlist'
import { saveWatchPreferencesAction } from './actions'

interface Current {
  scope: 'all' | 'chosen'
  components: string[]
  minImpact: MinImpact
  maintenance: boolean
  possibleOutages: boolean
  componentChanges: boolean
  delivery: DeliveryMode
}

const option =
  'flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 hover:bg-slate-50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50/60 dark:border-slate-700 dark:hover:bg-slate-800/60 dark:has-[:checked]:bg-brand-500/10'
const legend = 'mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100'
const hint = 'block text-xs text-slate-500 dark:text-slate-400'

const IMPACT_HINTS: Record<MinImpact, string> = {
  any: 'Every incident, even ones the vendor marks as no impact.',
  minor: 'Skip incidents without impact.',
  major: 'Only major and critical incidents.',
}
const DELIVERY_HINTS: Record<DeliveryMode, string> = {
  instant: 'An email as soon as we see the incident.',
  digest: 'One email a day with everything that happened.',
}

/** Controlled throughout, so nothing the user chose is lost when the action reports an error. */
export function PreferencesForm({ vendor, components, current }: { vendor: { slug: string; name: string }; components: { id: string; name: string; group: string | null }[]; current: Current }) {
  const [state, action] = useActionState(saveWatchPreferencesAction, null)
  const failed = state && !state.ok ? state : null
  const [scope, setScope] = useState(current.scope)
  const [chosen, setChosen] = useState(() => new Set(current.components))
  const [minImpact, setMinImpact] = useState(current.minImpact)
  const [maintenance, setMaintenance] = useState(current.maintenance)
  const [possibleOutages, setPossibleOutages] = useState(current.possibleOutages)
  const [componentChanges, setComponentChanges] = useState(current.componentChanges)
  const [delivery, setDelivery] = useState(current.delivery)
  const toggle = (id: string) => setChosen((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]))

  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="vendor" value={vendor.slug} />
      {state?.ok && <Alert tone="success">{state.message}</Alert>}
      {failed?.formError && <Alert tone="error">{failed.formError}</Alert>}

      <Card className="p-5">
        <fieldset>
          <legend className={legend}>Components</legend>
          {components.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              <input type="hidden" name="scope" value="all" />
              We have not read {vendor.name}&apos;s components yet, so you will hear about all of them.
            </p>
          ) : (
            <div className="grid gap-2 sm:grid-cols-2">
              {(['all', 'chosen'] as const).map((value) => (
                <label key={value} className={option}>
                  <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} className="mt-0.5 accent-brand-600" />
                  <span className="text-sm">
                    {value === 'all' ? 'All components' : 'Only the ones I choose'}
                    <span className={hint}>{value === 'all' ? `Anything at ${vendor.name}.` : 'Pick the parts of the service you use.'}</span>
                  </span>
                </label>
              ))}
            </div>
          )}
          {scope === 'chosen' && components.length > 0 && (
            <fieldset className="mt-4">
              <legend className="mb-2 text-sm text-slate-700 dark:text-slate-300">Alert me about</legend>
              <ul className="grid max-h-80 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2 dark:border-slate-700">
                {components.map((c) => (
                  <li key={c.id}>
                    <label className="flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50 dark:hover:bg-slate-800/60">
                      <input type="checkbox" name="components" value={c.id} checked={chosen.has(c.id)} onChange={() => toggle(c.id)} className="mt-0.5 accent-brand-600" />
                      <span>
                        {c.name}
                        {c.group && <span className={hint}>{c.group}</span>}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              <FieldError error={failed?.fieldErrors.components} />
            </fieldset>
          )}
        </fieldset>
      </Card>

      <Card className="p-5">
        <fieldset>
          <legend className={legend}>Minimum impact</legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {(Object.keys(MIN_IMPACT_LABELS) as MinImpact[]).map((value) => (
              <label key={value} className={option}>
                <input type="radio" name="minImpact" value={value} checked={minImpact === value} onChange={() => setMinImpact(value)} className="mt-0.5 accent-brand-600" />
                <span className="text-sm">
                  {MIN_IMPACT_LABELS[value]}
                  <span className={hint}>{IMPACT_HINTS[value]}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError error={failed?.fieldErrors.minImpact} />
        </fieldset>
        <label className="mt-4 flex cursor-pointer items-start gap-3 text-sm">
          <input type="checkbox" name="maintenance" checked={maintenance} onChange={(e) => setMaintenance(e.target.checked)} className="mt-0.5 accent-brand-600" />
          <span>
            Maintenance notices
            <span className={hint}>Scheduled maintenance, when it starts and when it ends.</span>
          </span>
        </label>
        <label className="mt-3 flex cursor-pointer items-start gap-3 text-sm">
          <input type="checkbox" name="possibleOutages" checked={possibleOutages} onChange={(e) => setPossibleOutages(e.target.checked)} className="mt-0.5 accent-brand-600" />
          <span>
            Possible outages (unofficial, early warning)
            <span className={hint}>
              When users report problems or our probes fail while {vendor.name}&apos;s page still says operational: often minutes early, sometimes wrong.
            </span>
          </span>
        </label>
        <label className="mt-3 flex cursor-pointer items-start gap-3 text-sm">
          <input type="checkbox" name="componentChanges" checked={componentChanges} onChange={(e) => setComponentChanges(e.target.checked)} className="mt-0.5 accent-brand-600" />
          <span>
            Component changes without an incident
            <span className={hint}>
              When a component&apos;s status changes and {vendor.name} has posted no incident for it (of the components chosen above). Can be noisy.
            </span>
          </span>
        </label>
      </Card>

      <Card className="p-5">
        <fieldset>
          <legend className={legend}>Delivery</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {(Object.keys(DELIVERY_LABELS) as DeliveryMode[]).map((value) => (
              <label key={value} className={option}>
                <input type="radio" name="delivery" value={value} checked={delivery === value} onChange={() => setDelivery(value)} className="mt-0.5 accent-brand-600" />
                <span className="text-sm">
                  {DELIVERY_LABELS[value]}
                  <span className={hint}>{DELIVERY_HINTS[value]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </Card>

      <SubmitButton>Save preferences</SubmitButton>
    </form>
  )
}
