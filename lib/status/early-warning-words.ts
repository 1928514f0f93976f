// What the pages say about a possible outage and about a vendor's lag (issue 19), in words:
// "23 reports in 15 min, 8× usual", "2 of 3 probes failing", "a median 14 minutes before GitHub's
// page". Pure; the evidence comes from PossibleOutage.evidence (JSON), so it is checked here first.
import { z } from 'zod'
import type { PossibleOutageEvidence } from '@/lib/signal/types'

const evidenceSchema = z.object({
  reports: z.number().int().nonnegative(),
  windowMinutes: z.number().positive(),
  baseline: z.number().nonnegative(),
  ratio: z.number().nonnegative().nullable(),
  probesFailing: z.number().int().nonnegative(),
  probesTotal: z.number().int().nonnegative(),
  probeFailStreak: z.number().int().nonnegative(),
}) satisfies z.ZodType<PossibleOutageEvidence>

/** The stored evidence, or null when it is not of the contract's shape (never guessed at). */
export function asPossibleOutageEvidence(json: unknown): PossibleOutageEvidence | null {
  const parsed = evidenceSchema.safeParse(json)
  return parsed.success ? parsed.data : null
}

/** "8×", "2.5×": the ratio as the rule rounded it, without a trailing ".0". */
function times(ratio: number): string {
  return `${Number.isInteger(ratio) ? ratio : ratio.toFixed(1)}×`
}

/**
 * The figures in words: `reports` ("23 reports in 15 min, 8× usual") when users' reports took part,
 * `probes` ("2 of 3 probes failing") when probes did. Reports here are distinct reporting networks,
 * which is what the rule counts.
 */
export function evidenceWords(e: PossibleOutageEvidence): { reports: string | null; probes: string | null } {
  let reports: string | null = null
  if (e.reports > 0) {
    const usual = e.ratio !== null ? `${times(e.ratio)} usual` : 'usually none'
    reports = `${e.reports} ${e.reports === 1 ? 'report' : 'reports'} in ${e.windowMinutes} min, ${usual}`
  }
  const probes = e.probesFailing > 0 ? `${e.probesFailing} of ${e.probesTotal} ${e.probesTotal === 1 ? 'probe' : 'probes'} failing` : null
  return { reports, probes }
}

/** One line for lists (the home page): "Users report problems (23 reports in 15 min, 8× usual); 2 of 3 probes failing". */
export function evidenceSummary(e: PossibleOutageEvidence): string {
  const w = evidenceWords(e)
  const parts = [w.reports && `Users report problems (${w.reports})`, w.probes && (w.reports ? w.probes : `${w.probes.charAt(0).toUpperCase()}${w.probes.slice(1)}`)].filter(Boolean)
  return parts.length > 0 ? parts.join('; ') : 'Signs of a problem'
}

/** The label every possible outage carries wherever it is shown. */
export function unofficialLabel(vendorName: string): string {
  return `Unofficial: from Vendorwatch users' reports and our probes, not from ${vendorName}'s status page`
}

/** Median lead times are shown only from this many measured incidents up (issue 19). */
export const MIN_MEASURED_INCIDENTS = 3

/** The window the median lead is taken over. */
export const LEAD_WINDOW_DAYS = 90

function leadDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60)
  if (minutes < 1) return 'less than a minute'
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
}

/**
 * "Vendorwatch users saw problems a median 14 minutes before GitHub's page", or null under
 * MIN_MEASURED_INCIDENTS measured incidents (a median of one or two says nothing).
 */
export function leadTimeSentence(vendorName: string, lead: { medianLeadSeconds: number | null; measuredIncidents: number }): string | null {
  if (lead.medianLeadSeconds === null || lead.measuredIncidents < MIN_MEASURED_INCIDENTS) return null
  return `Vendorwatch users saw problems a median ${leadDuration(lead.medianLeadSeconds)} before ${vendorName}'s page`
}
