'use client'

import { useActionState, useState } from 'react'
import { Field } from '@/components/ui/field'
import { Button } from '@/components/ui/button'
import { SubmitButton } from '@/components/ui/submit-button'
import { PASSWORD_MIN } from '@/lib/validation/password-rules'
import { changePasswordAction, deleteAccountAction } from './actions'
import { FormFeedback } from './profile-forms'

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, null)
  const failed = state && !state.ok ? state : null
  return (
    <form action={action} noValidate className="space-y-4">
      <FormFeedback state={state} />
      <Field label="Current password" name="currentPassword" id="password-currentPassword" type="password" autoComplete="current-password" required error={failed?.fieldErrors.currentPassword} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. Other devices will be signed out.`}
        error={failed?.fieldErrors.newPassword}
      />
      <Field label="Repeat new password" name="confirmPassword" type="password" autoComplete="new-password" required error={failed?.fieldErrors.confirmPassword} />
      <SubmitButton variant="secondary">Change password</SubmitButton>
    </form>
  )
}

/** Two steps: a button that reveals the form, then the password to confirm. */
export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountAction, null)
  const failed = state && !state.ok ? state : null
  const [confirming, setConfirming] = useState(false)
  if (!confirming && !failed) {
    return (
      <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
        Delete account…
      </Button>
    )
  }
  return (
    <form action={action} noValidate className="space-y-4">
      <FormFeedback state={state} />
      <p className="text-sm font-medium text-red-800 dark:text-red-300">This cannot be undone. Enter your password to delete your account and all its data.</p>
      <Field label="Current password" name="currentPassword" id="delete-currentPassword" type="password" autoComplete="current-password" required autoFocus error={failed?.fieldErrors.currentPassword} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger">Delete my account</SubmitButton>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
