'use server'

import { redirect } from 'next/navigation'
import { resetPassword } from '@/lib/accounts/password-reset'
import { fromSchema, publicAction } from '@/lib/actions/define-action'
import { signIn } from '@/lib/auth/config'
import { rememberDevice } from '@/lib/auth/known-device-cookie'
import { resetPasswordSchema } from '@/lib/validation/auth'

export const resetPasswordAction = publicAction(
  { name: 'reset-password', parse: fromSchema(resetPasswordSchema), secrets: ['password', 'confirmPassword'] },
  async ({ token, password }, fail) => {
    const result = await resetPassword(token, password, new Date())
    if (!result) return fail({ formError: 'This reset link has expired or was already used. Ask for a new one.' })
    // Every other session was just signed out; this browser continues signed in.
    const signedIn = await signIn('credentials', { email: result.email, password, redirect: false }).then(
      () => true,
      () => false,
    )
    if (signedIn) await rememberDevice(result.email)
    redirect(signedIn ? '/dashboard' : '/sign-in?reset=1')
  },
)
