'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { linkClass } from '@/components/account/auth-card'
import { Alert } from '@/components/ui/alert'
import { Field } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { signInAction } from './actions'

export function SignInForm({ watch, next }: { watch?: string; next?: string }) {
  const [state, action] = useActionState(signInAction, null)
  const failed = state && !state.ok ? state : null
  return (
    <form action={action} noValidate className="space-y-5">
      {failed?.formError && <Alert tone="error">{failed.formError}</Alert>}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={failed?.values.email} error={failed?.fieldErrors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={failed?.fieldErrors.password}
        labelAside={
          <Link href="/forgot-password" className={`text-sm ${linkClass}`}>
            Forgot password?
          </Link>
        }
      />
      {watch && <input type="hidden" name="watch" value={watch} />}
      {next && <input type="hidden" name="next" value={next} />}
      <SubmitButton className="w-full">Sign in</SubmitButton>
    </form>
  )
}
