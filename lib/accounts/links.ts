import { env } from '@/lib/env'

/** An absolute link into the app for emails: APP_URL plus a path (APP_URL may have a base path). */
export function appLink(pathname: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString()
  return `${env.APP_URL.replace(/\/+$/, '')}${pathname}${query ? `?${query}` : ''}`
}
