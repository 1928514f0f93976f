'use client'

// The report button under the vendor page's "Having problems with {vendor}?" (the early-warning
// section asks the question): one click, no account, an optional component. The answer
// (counted, already counted, too many from your network) replaces nothing on the page; it is read
// out by screen readers through the status region. Works signed out: the server action needs no
// session (lib/actions/report-problem.ts). Placement and final styling belong to the vendor page.
import { useActionState } from 'react'
import { SubmitButton } from '@/components/ui/submit-button'
import { reportProblemAction } from '@/lib/actions/report-problem'
import type { ReportProblemState } from '@/lib/signal/types'

export interface ReportProblemProps {
  vendor: { slug: string; name: string }
  /** The vendor's components a reporter may pick, by public id (the API's); none: no select. */
  components?: readonly { id: string; name: string }[]
}

export function ReportProblem({ vendor, components = [] }: ReportProblemProps) {
  const [state, formAction] = useActionState<ReportProblemState, FormData>(reportProblemAction, null)
  const counted = state?.outcome === 'accepted' || state?.outcome === 'already-reported'
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
        <SubmitButton variant="secondary" {...(counted && { disabled: true })}>
          Report a problem
        </SubmitButton>
      </div>
      <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
        {state?.message}
      </p>
    </form>
  )
}
