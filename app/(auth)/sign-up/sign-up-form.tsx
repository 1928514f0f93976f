'use client'

import Link from 'next/link'
import { useActionState, useEffect, useState } from 'react'
import { linkClass } from '@/components/account/auth-card'
import { Alert } from '@/components/ui/alert'
import { Field } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { authHref } from '@/lib/auth/return-path'
import { PASSWORD_MIN } from '@/lib/validation/password-rules'
import { signUpAction } from './actions'

export function SignUpForm({ watch, next }: { watch?: string; next?: string }) {
  const [state, action] = useActionState(signUpAction, null)
  const failed = state && !state.ok ? state : null
  // The browser knows the visitor's time zone; the account starts with it.
  const [timeZone, setTimeZone] = useState('')
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), [])

  if (state?.ok) {
    // The same words whether the address was new or already had an account.
    return (
      <div className="space-y-4">
        <h2 className="text-lg font-semibold">Check your email</h2>
        <Alert tone="success">{state.message}</Alert>
        <p className="text-sm">
          <Link href={authHref('/sign-in', { watch, next })} className={linkClass}>
            Sign in
          </Link>
        </p>
      </div>
    )
  }
  return (
    <form action={action} noValidate className="space-y-5">
      {failed?.formError && <Alert tone="error">{failed.formError}</Alert>}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={failed?.values.email}
        error={failed?.fieldErrors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. A passphrase of a few words is great.`}
        error={failed?.fieldErrors.password}
      />
      <input type="hidden" name="timeZone" value={timeZone} />
      {watch && <input type="hidden" name="watch" value={watch} />}
      {next && <input type="hidden" name="next" value={next} />}
      <SubmitButton className="w-full">Create account</SubmitButton>
    </form>
  )
}
