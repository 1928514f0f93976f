import type { ReactNode } from 'react'
import { Card } from '@/components/ui/card'

/** The frame of the sign-up, sign-in and reset pages: a title, a short line, the form. */
export function AuthCard({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="space-y-6">
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="text-slate-600 dark:text-slate-400">{description}</p>}
      </div>
      <Card className="p-6 sm:p-8">{children}</Card>
      {footer && <div className="text-center text-sm text-slate-600 dark:text-slate-400">{footer}</div>}
    </div>
  )
}

export const linkClass = 'font-medium text-brand-600 hover:underline dark:text-brand-400'
