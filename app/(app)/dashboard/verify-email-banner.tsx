'use client'

import { useActionState } from 'react'
import { Alert } from '@/components/ui/alert'
import { SubmitButton } from '@/components/ui/submit-button'
import { resendVerificationAction } from './actions'

export function VerifyEmailBanner({ email }: { email: string }) {
  const [state, action] = useActionState(resendVerificationAction, null)
  return (
    <Alert tone="warning">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p>
          <strong className="font-semibold">Verify your email to receive alerts.</strong> We sent a link to {email}.
          {state && <span className={state.ok ? ' block' : ' block font-medium text-red-700 dark:text-red-300'}> {state.ok ? state.message : state.formError}</span>}
        </p>
        <form action={action}>
          <SubmitButton variant="secondary" className="whitespace-nowrap px-3 py-1.5">
            Resend link
          </SubmitButton>
        </form>
      </div>
    </Alert>
  )
}
