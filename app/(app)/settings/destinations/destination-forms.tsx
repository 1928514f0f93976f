'use client'

import { useActionState, useState } from 'react'
import Link from 'next/link'
import { Alert } from '@/components/ui/alert'
import { Field, FieldError } from '@/components/ui/field'
import { Select } from '@/components/ui/input'
import { SubmitButton } from '@/components/ui/submit-button'
import { addDestinationAction, deleteDestinationAction, rotateSecretAction, sendTestAction, toggleDestinationAction } from './actions'

const KINDS = [
  { value: 'webhook', label: 'Signed webhook', target: 'Endpoint URL', hint: 'https:// only. Each change is POSTed as JSON, signed (Standard Webhooks).', placeholder: 'https://example.com/hooks/vendorwatch' },
  { value: 'pagerduty', label: 'PagerDuty', target: 'Integration key', hint: 'An Events API v2 integration key (32 characters). Pages when an incident opens, resolves with it.', placeholder: '32 letters and digits' },
  { value: 'discord', label: 'Discord', target: 'Webhook URL', hint: 'Channel settings → Integrations → Webhooks → Copy Webhook URL.', placeholder: 'https://discord.com/api/webhooks/…' },
  { value: 'google_chat', label: 'Google Chat', target: 'Webhook URL', hint: 'Space → Apps & integrations → Webhooks. One thread per incident.', placeholder: 'https://chat.googleapis.com/v1/spaces/…' },
  {
    value: 'teams',
    label: 'Microsoft Teams',
    target: 'Workflows webhook URL',
    hint: 'Teams → Workflows → "Post to a channel when a webhook request is received". Teams cannot edit posted cards: each change is a new card.',
    placeholder: 'https://….logic.azure.com/workflows/…',
  },
] as const

export function AddDestinationForm({ pagerDutyAllowed, full }: { pagerDutyAllowed: boolean; full: boolean }) {
  const [state, action] = useActionState(addDestinationAction, null)
  const [kind, setKind] = useState<(typeof KINDS)[number]['value']>('webhook')
  const failed = state && !state.ok ? state : null
  const chosen = KINDS.find((k) => k.value === kind) ?? KINDS[0]
  return (
    <form action={action} className="space-y-4" aria-label="Add a destination">
      {state?.ok && state.secret && (
        <Alert tone="success">
          <p className="font-medium">{state.addedName} added. Its signing secret, shown only now:</p>
          <code data-testid="webhook-secret" className="mt-2 block break-all rounded bg-white/70 px-2 py-1 font-mono text-xs dark:bg-slate-950/60">
            {state.secret}
          </code>
          <p className="mt-2">Copy it into your receiver to verify deliveries. You can rotate it later, but not see it again.</p>
        </Alert>
      )}
      {state?.ok && !state.secret && state.message && <Alert tone="success">{state.message}</Alert>}
      {failed?.formError && (
        <Alert tone="error">
          {failed.formError}{' '}
          {failed.upgradeUrl && (
            <Link className="font-medium underline" href={failed.upgradeUrl}>
              See plans
            </Link>
          )}
        </Alert>
      )}
      <div className="space-y-1.5">
        <label htmlFor="field-kind" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Kind
        </label>
        <Select id="field-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value} disabled={k.value === 'pagerduty' && !pagerDutyAllowed}>
              {k.label}
              {k.value === 'pagerduty' && !pagerDutyAllowed ? ' (Pro)' : ''}
            </option>
          ))}
        </Select>
      </div>
      <Field label="Name" name="name" defaultValue={failed?.values.name ?? ''} placeholder="e.g. #ops alerts" maxLength={60} required error={failed?.fieldErrors.name} />
      <Field
        label={chosen.target}
        name="target"
        type={kind === 'pagerduty' ? 'password' : 'url'}
        autoComplete="off"
        placeholder={chosen.placeholder}
        required
        hint={chosen.hint}
        error={failed?.fieldErrors.target}
      />
      <SubmitButton disabled={full}>Add destination</SubmitButton>
    </form>
  )
}

export function SendTestButton({ id }: { id: string }) {
  const [state, action] = useActionState(sendTestAction, null)
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" className="px-3 py-1.5">
        Send test
      </SubmitButton>
      {state && (
        <p role="status" data-testid="test-result" className={`text-sm ${state.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-400'}`}>
          {state.ok ? state.message : state.formError}
        </p>
      )}
    </form>
  )
}

export function ToggleButton({ id, enabled, name }: { id: string; enabled: boolean; name: string }) {
  const [state, action] = useActionState(toggleDestinationAction, null)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={enabled ? 'false' : 'true'} />
      <button
        type="submit"
        role="switch"
        aria-checked={enabled}
        aria-label={`Send alerts to ${name}`}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition ${enabled ? 'bg-brand-600' : 'bg-slate-300 dark:bg-slate-700'}`}
      >
        <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition ${enabled ? 'translate-x-5' : 'translate-x-0.5'}`} />
      </button>
      {state && !state.ok && <FieldError error={[state.formError ?? 'Could not change it.']} />}
    </form>
  )
}

export function DeleteButton({ id, name }: { id: string; name: string }) {
  const [, action] = useActionState(deleteDestinationAction, null)
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Delete ${name}? Its saved URL or key is deleted with it.`)) e.preventDefault()
      }}
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" className="px-3 py-1.5 text-red-700 dark:text-red-400">
        Delete
      </SubmitButton>
    </form>
  )
}

export function RotateSecretButton({ id }: { id: string }) {
  const [state, action] = useActionState(rotateSecretAction, null)
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" className="px-3 py-1.5">
        Rotate secret
      </SubmitButton>
      {state?.ok && state.secret && (
        <Alert tone="success">
          New signing secret, shown only now:
          <code data-testid="rotated-secret" className="mt-1 block break-all font-mono text-xs">
            {state.secret}
          </code>
        </Alert>
      )}
      {state && !state.ok && <FieldError error={[state.formError ?? 'Could not rotate it.']} />}
    </form>
  )
}
