// The contract between server actions and forms: every action answers with one ActionState.
// `{ ok: true }`, or the errors per field plus what the user typed (minus secrets), so the form can
// show the errors next to the fields and keep the input (React 19 resets uncontrolled fields after
// an action). `Extra` is what a button needs to show where things stand (watched or not), on both
// sides. Client components import this file: type-only zod import, nothing server-side.
import type { z } from 'zod'

export type FieldErrors = Partial<Record<string, string[]>>

export interface ActionFailure {
  ok: false
  fieldErrors: FieldErrors
  formError?: string
  values: Record<string, string>
  /** Set when the refusal is the plan's limit: where to see the plans. */
  upgradeUrl?: string
}

export type ActionState<Extra extends object = object> = ({ ok: true; message?: string } & Extra) | (ActionFailure & Partial<Extra>)

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

export function failure(formData: FormData, secrets: readonly string[], errors: { fieldErrors?: FieldErrors; formError?: string }): ActionFailure {
  return { ok: false, fieldErrors: errors.fieldErrors ?? {}, formError: errors.formError, values: formValues(formData, secrets) }
}

/**
 * Parses the form's string fields (or `fields`, when a form has repeated fields to read with
 * getAll) with `schema`; on failure, the ActionState to return.
 */
export function parseForm<T extends z.ZodType>(
  schema: T,
  formData: FormData,
  secrets: readonly string[] = [],
  fields: Record<string, unknown> = Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')),
): { ok: true; data: z.output<T> } | { ok: false; state: ActionFailure } {
  const result = schema.safeParse(fields)
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
