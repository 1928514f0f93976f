'use client'

import { useActionState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Field } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { forgotPasswordAction } from './actions'

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, null)
  if (state?.ok) return <Alert tone="success">{state.message}</Alert>
  const failed = state && !state.ok ? state : null
  return (
    <form action={action} noValidate className="space-y-5">
      {failed?.formError && <Alert tone="error">{failed.formError}</Alert>}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={failed?.values.email} error={failed?.fieldErrors.email} />
      <SubmitButton className="w-full">Send reset link</SubmitButton>
    </form>
  )
}
