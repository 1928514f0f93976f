import type { ReactNode } from 'react'

const tones = {
  error: 'border-red-200 bg-red-50 text-red-900 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-100',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-100',
  info: 'border-brand-100 bg-brand-50 text-slate-800 dark:border-brand-500/30 dark:bg-brand-500/10 dark:text-slate-100',
  warning: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-100',
} as const

/** A message box. Errors interrupt screen readers (role=alert); the others are polite. */
export function Alert({ tone, children, className = '' }: { tone: keyof typeof tones; children: ReactNode; className?: string }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-4 py-3 text-sm ${tones[tone]} ${className}`}>
      {children}
    </div>
  )
}
