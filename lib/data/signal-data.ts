// The early-warning evaluation's data port (lib/signal/evaluate.ts) over this process's database,
// bundled once so the schedule and the tests wire it the same way. Probe checks come from the probe
// runner's own module (lib/data/probes.ts) and are added by the caller.
import { openPossibleOutage, closePossibleOutageSubsided, loadSignalStates, refreshNetworkFacts, vendorsToEvaluate } from './possible-outages'
import { countDistinctNetworksByBucket, pruneProblemReports } from './problem-reports'

export const signalData = { vendorsToEvaluate, loadSignalStates, refreshNetworkFacts, countDistinctNetworksByBucket, openPossibleOutage, closePossibleOutageSubsided, pruneProblemReports }
