'use client'

// The report button under the vendor page's "Having problems with {vendor}?" (the early-warning
// section asks the question): one click, no account, an optional component. The answer
// (counted, already counted, too many from your network) is read out by screen readers through the
// status region, and once counted the button itself says "Reported" / "Already reported"
// (lib/format/report-button.ts). Works signed out: the server action needs no
// session (lib/actions/report-problem.ts). Placement and final styling belong to the vendor page.
import { useActionState } from 'react'
import { SubmitButton } from '@/components/ui/submit-button'
import { reportProblemAction } from '@/lib/actions/report-problem'
import { reportButtonView } from '@/lib/format/report-button'
import type { ReportProblemState } from '@/lib/signal/types'

export interface ReportProblemProps {
  vendor: { slug: string; name: string }
  /** The vendor's components a reporter may pick, by public id (the API's); none: no select. */
  components?: readonly { id: string; name: string }[]
}

const TONE_CLASS = {
  plain: 'text-slate-600 dark:text-slate-300',
  success: 'text-emerald-700 dark:text-emerald-300',
  warning: 'font-medium text-amber-800 dark:text-amber-300',
} as const

export function ReportProblem({ vendor, components = [] }: ReportProblemProps) {
  const [state, formAction] = useActionState<ReportProblemState, FormData>(reportProblemAction, null)
  const view = reportButtonView(state)
  return (
    <form action={formAction} className="space-y-2" aria-label={`Report a problem with ${vendor.name}`}>
      <input type="hidden" name="vendor" value={vendor.slug} />
      <input type="hidden" name="vendorName" value={vendor.name} />
      <div className="flex flex-wrap items-center gap-2">
        {components.length > 0 && (
          <label className="text-sm">
            <span className="sr-only">Which part of {vendor.name}</span>
            <select name="component" defaultValue="" className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900">
              <option value="">Something (not sure what)</option>
              {components.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <SubmitButton variant="secondary" {...(view.done && { disabled: true })}>
          {view.done && <span aria-hidden="true">✓</span>}
          {view.label}
        </SubmitButton>
      </div>
      <p role="status" className={`text-sm ${TONE_CLASS[view.tone]}`}>
        {state?.message}
      </p>
    </form>
  )
}
