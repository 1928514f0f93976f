// Possible outages (issue 19) as the signal's lifecycle records them (lib/data/possible-outages.ts,
// the sig slice): the row and its change events, for integration tests of the alerts. Written
// here, not imported from the lifecycle, so the alert tests pin the contract (lib/signal/types.ts)
// rather than one implementation of it.
import { db } from '@/lib/db/client'
import type { PossibleOutageEvidence } from '@/lib/signal/types'

export const EXAMPLE_EVIDENCE: PossibleOutageEvidence = { reports: 23, windowMinutes: 15, baseline: 2.9, ratio: 8, probesFailing: 2, probesTotal: 3, probeFailStreak: 3 }

/** Opens a possible outage at `at` and records its possible_outage_opened event. */
export async function openPossibleOutage(vendorId: string, at: Date, evidence: PossibleOutageEvidence = EXAMPLE_EVIDENCE): Promise<string> {
  const outage = await db.possibleOutage.create({ data: { vendorId, openKey: vendorId, openedAt: at, trigger: 'reports+probes', evidence: { ...evidence } } })
  await db.changeEvent.create({
    data: { vendorId, kind: 'possible_outage_opened', dedupeKey: `possible_outage_opened:${outage.id}`, possibleOutageId: outage.id, occurredAt: at, createdAt: at, data: { ...evidence } },
  })
  return outage.id
}

/**
 * Closes it at `at`: "subsided", or "official_incident" together with the incident's
 * incident_opened event (in one transaction, as the refresh records it).
 */
export async function closePossibleOutage(id: string, at: Date, close: { reason: 'subsided' } | { reason: 'official_incident'; incidentId: string }): Promise<void> {
  const outage = await db.possibleOutage.findUniqueOrThrow({ where: { id } })
  await db.$transaction(async (tx) => {
    await tx.possibleOutage.update({
      where: { id },
      data: { openKey: null, closedAt: at, closeReason: close.reason, ...(close.reason === 'official_incident' && { incidentId: close.incidentId }) },
    })
    await tx.changeEvent.create({
      data: { vendorId: outage.vendorId, kind: 'possible_outage_closed', dedupeKey: `possible_outage_closed:${id}`, possibleOutageId: id, occurredAt: at, createdAt: at, data: outage.evidence ?? {} },
    })
    if (close.reason === 'official_incident') {
      await tx.changeEvent.create({
        data: { vendorId: outage.vendorId, kind: 'incident_opened', dedupeKey: `incident_opened:${close.incidentId}`, incidentId: close.incidentId, occurredAt: at, createdAt: at, data: { firstSeenOver: false } },
      })
    }
  })
}
