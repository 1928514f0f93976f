import type { InputHTMLAttributes, ReactNode } from 'react'
import { Input } from './input'

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> & {
  label: string
  name: string
  /** Errors for this field from the action; the first one is shown. */
  error?: string[]
  hint?: ReactNode
  /** Something to show on the label's line, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function Field({ label, name, error, hint, labelAside, id, className = '', ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`
  const hintId = hint ? `${fieldId}-hint` : undefined
  const errorId = error?.length ? `${fieldId}-error` : undefined
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          {label}
        </label>
        {labelAside}
      </div>
      <Input
        id={fieldId}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={`${errorId ? 'border-red-500 dark:border-red-500' : ''} ${className}`}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      <FieldError id={errorId} error={error} />
    </div>
  )
}

export function FieldError({ id, error }: { id?: string; error?: string[] }) {
  if (!error?.length) return null
  return (
    <p id={id} className="text-sm text-red-700 dark:text-red-400">
      {error[0]}
    </p>
  )
}
