import { Alert } from '@/components/ui/alert'
import { SubmitButton } from '@/components/ui/submit-button'
import type { AlertSwitches } from '@/lib/data/alerts'

type SetAlerts = (formData: FormData) => Promise<void>

/** "Turn back on" for one switch: the whole account (no vendor) or one watched vendor. */
export function TurnAlertsOnButton({ action, vendor, label }: { action: SetAlerts; vendor?: string; label: string }) {
  return (
    <form action={action}>
      {vendor && <input type="hidden" name="vendor" value={vendor} />}
      <input type="hidden" name="on" value="true" />
      <SubmitButton variant="secondary" className="whitespace-nowrap px-3 py-1.5">
        {label}
      </SubmitButton>
    </form>
  )
}

/** The watches whose alerts are off, each with its "turn back on" (the dashboard banner and settings). */
export function MutedWatchList({ watches, action }: { watches: AlertSwitches['mutedWatches']; action: SetAlerts }) {
  return (
    <ul className="space-y-2">
      {watches.map((watch) => (
        <li key={watch.slug} className="flex flex-wrap items-center justify-between gap-2">
          <span className="font-medium">{watch.name}</span>
          <TurnAlertsOnButton action={action} vendor={watch.slug} label={`Turn ${watch.name} alerts back on`} />
        </li>
      ))}
    </ul>
  )
}

/** Shown on the dashboard while the account or any watch is unsubscribed: nothing silent goes unnoticed. */
export function AlertsOffBanner({ switches, action }: { switches: AlertSwitches; action: SetAlerts }) {
  const { accountOn, mutedWatches } = switches
  if (accountOn && mutedWatches.length === 0) return null
  return (
    <Alert tone="warning">
      <div className="space-y-3">
        {!accountOn && (
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p>
              <strong className="font-semibold">Alert emails are off.</strong> You unsubscribed from all of them, so we send you no alerts or
              digests.
            </p>
            <TurnAlertsOnButton action={action} label="Turn alert emails back on" />
          </div>
        )}
        {mutedWatches.length > 0 && (
          <div className="space-y-2">
            <p>
              <strong className="font-semibold">No alerts for {mutedWatches.length === 1 ? 'one vendor' : `${mutedWatches.length} vendors`}.</strong>{' '}
              You unsubscribed from {mutedWatches.length === 1 ? 'it' : 'them'}; {mutedWatches.length === 1 ? 'it stays' : 'they stay'} on your watchlist.
            </p>
            <MutedWatchList watches={mutedWatches} action={action} />
          </div>
        )}
      </div>
    </Alert>
  )
}
