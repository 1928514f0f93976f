// The early-warning evaluation as the app runs it (lib/signal/evaluate.ts is the logic): this
// process's database, the probe runner's checks, the real clock. Runs after the refresh and the
// probes, before the alerts, so a possible outage opened now is sent in the same run. A failure is
// logged and costs nothing else: the refresh and the alerts go on.
import { recentProbeChecks } from '@/lib/data/probes'
import { signalData } from '@/lib/data/signal-data'
import { refreshIntervalMs } from '@/lib/env'
import { trackWork } from '@/lib/shutdown'
import { evaluatePossibleOutages, type EvaluateSummary } from '@/lib/signal/evaluate'

export async function evaluateEarlyWarning(): Promise<EvaluateSummary | null> {
  try {
    const summary = await trackWork(evaluatePossibleOutages({ data: { ...signalData, recentProbeChecks }, now: () => new Date(), intervalMs: refreshIntervalMs }))
    if (summary.opened || summary.closed) console.log(`[early-warning] ${summary.evaluated} vendors evaluated: ${summary.opened} possible outage(s) opened, ${summary.closed} closed`)
    return summary
  } catch (e) {
    console.error('[early-warning] evaluation failed:', e)
    return null
  }
}
