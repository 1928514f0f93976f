// The contract between server actions and forms. An action returns `{ ok: true }` or the errors
// per field plus what the user typed (minus secrets), so the form can show the errors next to
// the fields and keep the input (React 19 resets uncontrolled fields after an action).
import type { z } from 'zod'

export type FieldErrors = Partial<Record<string, string[]>>

export type FormState =
  | { ok: true; message?: string }
  | { ok: false; fieldErrors: FieldErrors; formError?: string; values: Record<string, string> }

/** The state before the first submit. */
export const initialFormState = null

/** String fields of a form, without the ones that must never travel back to the browser. */
export function formValues(formData: FormData, secrets: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$') && !secrets.includes(key)) values[key] = value.slice(0, 500)
  }
  return values
}

export function failure(formData: FormData, secrets: readonly string[], errors: { fieldErrors?: FieldErrors; formError?: string }): FormState {
  return { ok: false, fieldErrors: errors.fieldErrors ?? {}, formError: errors.formError, values: formValues(formData, secrets) }
}

/** Parses the form's string fields with `schema`; on failure, the FormState to return. */
export function parseForm<T extends z.ZodType>(
  schema: T,
  formData: FormData,
  secrets: readonly string[] = [],
): { ok: true; data: z.output<T> } | { ok: false; state: FormState } {
  const result = schema.safeParse(Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')))
  if (result.success) return { ok: true, data: result.data }
  const fieldErrors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '')
    ;(fieldErrors[key] ??= []).push(issue.message)
  }
  const formError = fieldErrors['']?.[0]
  delete fieldErrors['']
  return { ok: false, state: failure(formData, secrets, { fieldErrors, formError }) }
}
