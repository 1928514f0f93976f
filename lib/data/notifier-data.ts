// The notifier's data port (lib/notify/ports.ts) over this process's database: the entity modules
// it reads and writes, bundled once so the app, the tests and the benchmarks wire it the same way.
import * as alertContent from './alert-content'
import * as deliveries from './deliveries'
import * as digests from './digests'
import * as outbox from './outbox'

export const notifierData = { alertContent, deliveries, digests, outbox }
