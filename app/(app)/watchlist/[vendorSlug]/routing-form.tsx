'use client'

import Link from 'next/link'
import { useActionState, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { SubmitButton } from '@/components/ui/submit-button'
import { saveWatchRoutingAction } from './actions'

export function RoutingForm({ vendor, destinations, current }: { vendor: string; destinations: { id: string; name: string; kind: string; enabled: boolean }[]; current: { all: boolean; destinationIds: string[] } }) {
  const [state, action] = useActionState(saveWatchRoutingAction, null)
  const [routing, setRouting] = useState<'all' | 'chosen'>(current.all ? 'all' : 'chosen')
  return (
    <section aria-labelledby="routing-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 sm:p-6 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="routing-heading" className="font-semibold">
        Destinations
      </h2>
      {destinations.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Alerts go by email. Add Slack, Teams, Discord, Google Chat, PagerDuty or a webhook in{' '}
          <Link href="/settings/destinations" className="text-brand-700 underline dark:text-brand-300">
            Destinations
          </Link>
          .
        </p>
      ) : (
        <form action={action} className="space-y-3">
          {state?.ok && state.message && <Alert tone="success">{state.message}</Alert>}
          {state && !state.ok && state.formError && <Alert tone="error">{state.formError}</Alert>}
          <input type="hidden" name="vendor" value={vendor} />
          <p className="text-sm text-slate-600 dark:text-slate-400">Besides email, the filters above apply to these too (PagerDuty only pages when an incident opens).</p>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="routing" value="all" checked={routing === 'all'} onChange={() => setRouting('all')} />
            All my destinations
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="routing" value="chosen" checked={routing === 'chosen'} onChange={() => setRouting('chosen')} />
            Only the destinations I choose
          </label>
          {routing === 'chosen' && (
            <fieldset className="ml-6 space-y-1.5">
              <legend className="sr-only">Destinations for this vendor</legend>
              {destinations.map((d) => (
                <label key={d.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="destinations" value={d.id} defaultChecked={current.destinationIds.includes(d.id)} />
                  {d.name} <span className="text-slate-500">({d.kind}{d.enabled ? '' : ', off'})</span>
                </label>
              ))}
            </fieldset>
          )}
          <SubmitButton variant="secondary">Save destinations</SubmitButton>
        </form>
      )}
    </section>
  )
}
