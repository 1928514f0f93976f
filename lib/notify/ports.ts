// The data the notifier may touch, by name: each port lists the tables (lib/data modules) and the
// operations on them that one step uses, so a reader sees its reach and a test can hand in exactly
// that. The app and the tests pass the real modules (lib/data/notifier-data.ts).
import type * as alertContent from '@/lib/data/alert-content'
import type * as deliveries from '@/lib/data/deliveries'
import type * as digests from '@/lib/data/digests'
import type * as outbox from '@/lib/data/outbox'

/** Fan-out: claim events, read their facts and watchers, write deliveries (one transaction). */
export interface FanoutData {
  outbox: Pick<typeof outbox, 'fanOutPendingEvents'>
}

/** Maintenance reminders: scheduled maintenances, and reminder events. */
export interface RemindersData {
  outbox: Pick<typeof outbox, 'maintenancesStarting' | 'addMaintenanceReminders'>
}

/** The instant sender: batch claims under a lease, and each batch's outcome. */
export interface SendData {
  deliveries: Pick<
    typeof deliveries,
    'findExpiredBatchKey' | 'failExhaustedBatch' | 'reclaimExpiredBatch' | 'claimNewBatch' | 'skipDeliveries' | 'failDelivery' | 'failDeliveries' | 'markBatchSent' | 'scheduleBatchRetry'
  >
}

/** The daily digests: who has alerts waiting, each reader's digest of a day, and its outcome. */
export interface DigestData {
  digests: Pick<typeof digests, 'readersWithWaitingDigests' | 'claimDigest' | 'digestDeliveries' | 'skipDigest' | 'markDigestSent' | 'recordDigestFailure'>
}

/** The composers: the readers and the events their emails are written from (read only). */
export interface ComposeData {
  alertContent: Pick<typeof alertContent, 'findAlertReaders' | 'findAlertEvents' | 'findPossibleOutageReaders'>
}

/** One notifier pass: every step's port. */
export interface NotifierData extends SendData, DigestData, ComposeData {
  outbox: FanoutData['outbox'] & RemindersData['outbox']
}
