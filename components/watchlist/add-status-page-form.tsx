'use client'

// "Watch any status page" on the dashboard: paste an address, the server finds the vendor or
// detects the page's platform and adds it, then watches it. The action comes from the page.
import Link from 'next/link'
import { useActionState, useEffect } from 'react'
import { refreshMe } from '@/components/account/use-me'
import { Field } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import type { ActionState } from '@/lib/validation/form'

type Extra = { vendorSlug?: string; vendorName?: string }
type AddAction = (previous: ActionState<Extra> | null, form: FormData) => Promise<ActionState<Extra>>

export function AddStatusPageForm({ action }: { action: AddAction }) {
  const [state, formAction] = useActionState(action, null)
  useEffect(() => {
    if (state?.ok) refreshMe()
  }, [state])
  const failed = state && !state.ok ? state : null
  return (
    <form action={formAction} className="space-y-2" aria-label="Watch any status page">
      <Field
        label="Watch any status page"
        name="url"
        type="text"
        inputMode="url"
        autoComplete="off"
        placeholder="https://status.example.com"
        // Kept after a refusal so the user can fix a typo; cleared after a success.
        defaultValue={failed?.values?.url ?? ''}
        key={state?.ok ? `done-${state.vendorSlug}` : 'form'}
        error={failed?.fieldErrors.url}
        hint="Not in the catalog? Paste its address and we find out how to read it."
      />
      <SubmitButton variant="secondary" className="w-full">
        Add and watch
      </SubmitButton>
      {state?.ok && (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {state.message}{' '}
          {state.vendorSlug && (
            <Link href={`/vendors/${state.vendorSlug}`} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
              Open {state.vendorName ?? 'its page'}
            </Link>
          )}
        </p>
      )}
      {failed?.formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {failed.formError}{' '}
          {failed.vendorSlug && (
            <Link href={`/vendors/${failed.vendorSlug}`} className="font-medium underline">
              Open {failed.vendorName ?? 'its page'}
            </Link>
          )}
          {failed.upgradeUrl && (
            <Link href={failed.upgradeUrl} className="font-medium underline">
              See plans
            </Link>
          )}
        </p>
      )}
    </form>
  )
}
