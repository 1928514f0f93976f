'use client'

import { useActionState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Field } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { PASSWORD_MIN } from '@/lib/validation/password-rules'
import { resetPasswordAction } from './actions'

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, null)
  const failed = state && !state.ok ? state : null
  return (
    <form action={action} noValidate className="space-y-5">
      {failed?.formError && <Alert tone="error">{failed.formError}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={failed?.fieldErrors.password}
      />
      <Field label="Repeat new password" name="confirmPassword" type="password" autoComplete="new-password" required error={failed?.fieldErrors.confirmPassword} />
      <SubmitButton className="w-full">Set new password</SubmitButton>
    </form>
  )
}
