'use server'

import { redirect } from 'next/navigation'
import { resetPassword } from '@/lib/accounts/password-reset'
import { signIn } from '@/lib/auth/config'
import { rememberDevice } from '@/lib/auth/known-device-cookie'
import { resetPasswordSchema } from '@/lib/validation/auth'
import { failure, type FormState, parseForm } from '@/lib/validation/form'

const SECRETS = ['password', 'confirmPassword']

export async function resetPasswordAction(_prev: FormState | null, formData: FormData): Promise<FormState> {
  const parsed = parseForm(resetPasswordSchema, formData, SECRETS)
  if (!parsed.ok) return parsed.state
  let signedIn = false
  try {
    const result = await resetPassword(parsed.data.token, parsed.data.password, new Date())
    if (!result) return failure(formData, SECRETS, { formError: 'This reset link has expired or was already used. Ask for a new one.' })
    // Every other session was just signed out; this browser continues signed in.
    signedIn = await signIn('credentials', { email: result.email, password: parsed.data.password, redirect: false }).then(
      () => true,
      () => false,
    )
    if (signedIn) await rememberDevice(result.email)
  } catch (e) {
    console.error('[reset-password] failed:', e)
    return failure(formData, SECRETS, { formError: 'Something went wrong on our side. Please try again.' })
  }
  redirect(signedIn ? '/dashboard' : '/sign-in?reset=1')
}
