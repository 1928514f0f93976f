import { connection } from 'next/server'
import type { ReactNode } from 'react'

export default async function AuthLayout({ children }: { children: ReactNode }) {
  // Rendered per request so the page's scripts carry this request's CSP nonce (lib/security/headers.ts):
  // the sign-in and token pages are the last ones to allow inline scripts on.
  await connection()
  return <div className="mx-auto w-full max-w-md py-4 sm:py-10">{children}</div>
}
