// The default-configuration server: beside the main e2e app (E2E_PORT) and its stand-ins (the
// three ports after it), so both suites can run from one checkout.
import { E2E_PORT } from '../support/config'

export const SCHEDULER_PORT = E2E_PORT + 5
export const SCHEDULER_APP_URL = `http://localhost:${SCHEDULER_PORT}`
/** Lets the spec and the bench read the cycle in /api/health (and trigger nothing else). */
export const SCHEDULER_CRON_SECRET = 'e2e-scheduler-cron-secret'
