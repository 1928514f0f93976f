'use client'

import { useActionState } from 'react'
import type { BillingActionState } from '@/lib/actions/billing'
import { SubmitButton } from '@/components/ui/submit-button'
import type { buttonClass } from '@/components/ui/button'

/**
 * A button that sends the user to Stripe (Checkout or the portal) through a server action, and
 * says so in words when that cannot happen.
 */
export function BillingButton({
  action,
  label,
  variant = 'primary',
  className = '',
}: {
  action: (previous: BillingActionState, form: FormData) => Promise<BillingActionState>
  label: string
  variant?: keyof typeof buttonClass
  className?: string
}) {
  const [state, formAction] = useActionState(action, null)
  return (
    <form action={formAction} className={`flex flex-col gap-2 ${className}`}>
      <SubmitButton variant={variant}>{label}</SubmitButton>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {state.formError}
        </p>
      )}
    </form>
  )
}
