// The known-device cookie in server actions (the value's format is in known-device.ts).
import { cookies } from 'next/headers'
import { env } from '@/lib/env'
import { issueKnownDevice, KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_S, verifyKnownDevice } from './known-device'

/** The verified device id of this browser for `email`, if it signed in to that account before. */
export async function knownDeviceFor(email: string): Promise<string | undefined> {
  return verifyKnownDevice((await cookies()).get(KNOWN_DEVICE_COOKIE)?.value, email, env.AUTH_SECRET)
}

/** After a sign-in with the right password: this browser is now a known device of `email`. */
export async function rememberDevice(email: string): Promise<void> {
  const jar = await cookies()
  const deviceId = verifyKnownDevice(jar.get(KNOWN_DEVICE_COOKIE)?.value, email, env.AUTH_SECRET)
  jar.set(KNOWN_DEVICE_COOKIE, issueKnownDevice(email, env.AUTH_SECRET, deviceId), {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.APP_URL.startsWith('https:'),
    path: '/',
    maxAge: KNOWN_DEVICE_MAX_AGE_S,
  })
}
