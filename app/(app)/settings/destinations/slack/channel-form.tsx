'use client'

import { useActionState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Field, FieldError } from '@/components/ui/field'
import { Select } from '@/components/ui/input'
import { SubmitButton } from '@/components/ui/submit-button'
import { saveSlackChannelAction } from './actions'

export interface ChannelOption {
  id: string
  name: string
  isPrivate: boolean
}

export function SlackChannelForm({ channels, teamName }: { channels: ChannelOption[]; teamName: string }) {
  const [state, action] = useActionState(saveSlackChannelAction, null)
  const failed = state && !state.ok ? state : null
  return (
    <form action={action} className="space-y-4">
      {failed?.formError && (
        <Alert tone="error">
          {failed.formError}{' '}
          {failed.upgradeUrl && (
            <a className="font-medium underline" href={failed.upgradeUrl}>
              See plans
            </a>
          )}
        </Alert>
      )}
      <div className="space-y-1.5">
        <label htmlFor="field-channelId" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Channel in {teamName}
        </label>
        <Select id="field-channelId" name="channelId" defaultValue={failed?.values.channelId ?? ''} required aria-describedby="channelId-hint">
          <option value="" disabled>
            Choose a channel…
          </option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.isPrivate ? '🔒 ' : '#'}
              {c.name}
            </option>
          ))}
        </Select>
        <p id="channelId-hint" className="text-xs text-slate-500 dark:text-slate-400">
          Public channels work as they are. For a private channel, invite the Vendorwatch app to it first (<code>/invite @Vendorwatch</code>), then reload.
        </p>
        <FieldError id="field-channelId-error" error={failed?.fieldErrors.channelId} />
      </div>
      <Field label="Name (optional)" name="name" maxLength={80} defaultValue={failed?.values.name ?? ''} placeholder="e.g. Ops alerts" error={failed?.fieldErrors.name} hint="How this destination is listed in your settings." />
      <SubmitButton>Send alerts here</SubmitButton>
    </form>
  )
}
