// What the vendor page's report button (components/vendors/report-problem.tsx) shows after an
// answer. Pure so the words are tested without a browser.
//
// Once a report is counted, pressing again only earns "already counted", so the button says so at
// once and stops offering itself; until this existed it kept its label, disabled, and only a reload
// told the reader (by pressing again) that the report had been counted.
import type { ReportProblemState } from '@/lib/signal/types'

export interface ReportButtonView {
  label: string
  /** The report is counted: the button is disabled. */
  done: boolean
  /** How the status line reads: plain for thanks, a warning when the report was not counted. */
  tone: 'plain' | 'success' | 'warning'
}

export function reportButtonView(state: ReportProblemState): ReportButtonView {
  switch (state?.outcome) {
    case undefined:
      return { label: 'Report a problem', done: false, tone: 'plain' }
    case 'accepted':
      return { label: 'Reported', done: true, tone: 'success' }
    case 'already-reported':
      return { label: 'Already reported', done: true, tone: 'success' }
    // Too many from this network, or not saved: not counted, and the message says when to retry.
    case 'rate-limited':
    case 'unknown-vendor':
    case 'unknown-component':
      return { label: 'Report a problem', done: false, tone: 'warning' }
  }
}
