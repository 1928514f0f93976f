// Helpers the specs use to change the outside world and to run a refresh.
import type { APIRequestContext } from '@playwright/test'
import { E2E_CRON_SECRET, STATUS_SERVER_URL } from './config'
import type { ControlRequest } from './status-pages'

export async function setStatusPages(request: APIRequestContext, pages: ControlRequest[]): Promise<void> {
  const res = await request.post(`${STATUS_SERVER_URL}/__control`, { data: pages })
  if (!res.ok()) throw new Error(`status server refused: ${await res.text()}`)
}

/** Runs one refresh cycle through the cron route, as Vercel Cron would; `vendor` is checked even if not due. */
export async function runRefresh(request: APIRequestContext, vendor?: string): Promise<{ checked: number; changed: number; failed: number }> {
  const res = await request.get(`/api/cron/refresh${vendor ? `?vendor=${vendor}` : ''}`, { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` }, timeout: 90_000 })
  if (!res.ok()) throw new Error(`refresh failed: ${res.status()} ${await res.text()}`)
  return res.json()
}
