// Hooli as several specs stage it: operational, with a maintenance window tomorrow (Codespaces).
import fs from 'node:fs'
import { runRefresh, setStatusPages } from './fixtures'

const fixture = (name: string) => JSON.parse(fs.readFileSync(new URL(`../../lib/ingest/fixtures/statuspage/${name}`, import.meta.url), 'utf8'))

/** `maintenanceTitle`: another title for the maintenance (a change the refresh writes). */
export async function stageHooli(request: Parameters<typeof setStatusPages>[0], { maintenanceTitle }: { maintenanceTitle?: string } = {}) {
  const summary = fixture('github-summary-scheduled-maintenance-upcoming.json')
  const tomorrow = new Date(Date.now() + 86_400_000)
  const maintenance = { ...summary.scheduled_maintenances[0], ...(maintenanceTitle && { name: maintenanceTitle }), scheduled_for: tomorrow.toISOString(), scheduled_until: new Date(tomorrow.getTime() + 2 * 3_600_000).toISOString() }
  await setStatusPages(request, [
    { path: '/hooli/api/v2/summary.json', body: JSON.stringify({ ...summary, scheduled_maintenances: [maintenance] }) },
    { path: '/hooli/api/v2/incidents.json', body: JSON.stringify({ page: summary.page, incidents: [] }) },
    { path: '/hooli/api/v2/scheduled-maintenances.json', body: JSON.stringify({ page: summary.page, scheduled_maintenances: [maintenance] }) },
  ])
  await runRefresh(request, 'hooli')
}

