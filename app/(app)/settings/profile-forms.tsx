'use client'

import { useActionState, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Field, FieldError } from '@/components/ui/field'
import { Select } from '@/components/ui/input'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/validation/form'
import { changeEmailAction, updateTimeZoneAction } from './actions'

export function FormFeedback({ state }: { state: ActionState | null }) {
  if (!state) return null
  if (state.ok) return state.message ? <Alert tone="success">{state.message}</Alert> : null
  return state.formError ? <Alert tone="error">{state.formError}</Alert> : null
}

/** Zones grouped by region ("Europe", "America", ...) so the long list is scannable. */
function groupZones(zones: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>()
  for (const zone of zones) {
    const region = zone.includes('/') ? (zone.split('/')[0] ?? 'Other') : 'Other'
    groups.set(region, [...(groups.get(region) ?? []), zone])
  }
  return [...groups]
}

export function TimeZoneForm({ current, zones }: { current: string; zones: string[] }) {
  const [state, action] = useActionState(updateTimeZoneAction, null)
  const failed = state && !state.ok ? state : null
  // React resets the form after its action, and a <select> resets to the option it was first
  // rendered with (the old zone), controlled or not. So each answer remounts the select with the
  // zone just chosen as its default: the reset then lands on the saved zone, not on the old one.
  const [zone, setZone] = useState(current)
  const [answered, setAnswered] = useState(state)
  const [version, setVersion] = useState(0)
  if (state !== answered) {
    setAnswered(state)
    setVersion((v) => v + 1)
  }
  return (
    <form action={action} className="space-y-4">
      <FormFeedback state={state} />
      <div className="space-y-1.5">
        <label htmlFor="field-timeZone" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Time zone
        </label>
        <Select id="field-timeZone" name="timeZone" key={version} defaultValue={zone} onChange={(e) => setZone(e.target.value)} aria-describedby="timeZone-hint" className="sm:max-w-xs">
          {groupZones(zones).map(([region, list]) => (
            <optgroup key={region} label={region}>
              {list.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll('_', ' ')}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
        <p id="timeZone-hint" className="text-xs text-slate-500 dark:text-slate-400">
          Used for times on your dashboard and in your emails.
        </p>
        <FieldError error={failed?.fieldErrors.timeZone} />
      </div>
      <SubmitButton variant="secondary">Save time zone</SubmitButton>
    </form>
  )
}

export function ChangeEmailForm() {
  const [state, action] = useActionState(changeEmailAction, null)
  const failed = state && !state.ok ? state : null
  return (
    <form action={action} noValidate className="space-y-4">
      <FormFeedback state={state} />
      <Field label="New email" name="email" type="email" autoComplete="email" required defaultValue={failed?.values.email} error={failed?.fieldErrors.email} />
      <Field label="Current password" name="currentPassword" id="email-currentPassword" type="password" autoComplete="current-password" required error={failed?.fieldErrors.currentPassword} />
      <SubmitButton variant="secondary">Send confirmation link</SubmitButton>
    </form>
  )
}
