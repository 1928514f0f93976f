// The one shape of a server action: authorize, parse the form, run, map the application's known
// errors to words the user can act on, log and mask everything else. Every action that answers a
// form with state goes through here, so no action can echo an internal error or a password back.
//
// Control flow from Next (redirect(), notFound(), a sign-in redirect from requireUser, signOut's
// redirect) is thrown, not returned: `unstable_rethrow` lets it pass through the catch untouched,
// so a handler may redirect from anywhere, inside or after its lib call.
import { unstable_rethrow } from 'next/navigation'
import type { z } from 'zod'
import { requireUser, type SessionUser } from '@/lib/auth/session'
import { UPGRADE_PATH } from '@/lib/plans/plans'
import { billingEnabled } from '@/lib/env'
import { LimitExceededError, NotFoundError } from '@/lib/errors'
import { type ActionFailure, type ActionState, type FieldErrors, formValues, parseForm } from '@/lib/validation/form'

/** What the user reads when something unexpected failed; the details go to the server log only. */
export const UNEXPECTED_ERROR = 'Something went wrong on our side. Please try again.'

/** The parse step's answer: the input, or the failure to show (see `parseForm`). */
export type Parsed<Input> = { ok: true; data: Input } | { ok: false; state: ActionFailure }

/** A refusal the user can act on: the form comes back with what they typed, minus secrets. */
export type Fail<Extra extends object> = (errors: { formError?: string; fieldErrors?: FieldErrors }) => ActionState<Extra>

interface ActionOptions<Input, Extra extends object> {
  /** Names the action in the server log: `[name] failed: <error>`. */
  name: string
  /** Reads the form into the action's input (`fromSchema(schema)` for a zod schema of the string fields). */
  parse: (form: FormData, secrets: readonly string[]) => Parsed<Input>
  /** Form fields that never travel back to the browser (passwords, tokens). */
  secrets?: readonly string[]
  /** The words for a NotFoundError (the vendor, watch or component the form names is gone). Unset: unexpected. */
  notFound?: string
  /** The masked words for anything unexpected, when this action has better ones than the default. */
  unexpected?: string
  /** Fields every failure carries, so a button can show where things stand after a refusal. */
  onFailure?: (form: FormData) => Extra
}

/** A server action as forms call it (React's useActionState: previous state, then the form). */
export type ServerAction<Extra extends object> = (previous: ActionState<Extra> | null, form: FormData) => Promise<ActionState<Extra>>

/** An action anyone may call (sign-up, sign-in, unsubscribe by signed token). */
export function publicAction<Input, Extra extends object = object>(
  options: ActionOptions<Input, Extra>,
  run: (input: Input, fail: Fail<Extra>) => Promise<ActionState<NoInfer<Extra>>>,
): ServerAction<Extra> {
  return async (_previous, form) => perform(options, form, (input, fail) => run(input, fail))
}

/**
 * An action for the signed-in user only. The user comes from the session, never from the form.
 * Authorization comes first, so a signed-out request learns nothing about its form; `signInReturnTo`
 * is where sign-in comes back to (from the raw form: only validated values may go into it).
 */
export function userAction<Input, Extra extends object = object>(
  options: ActionOptions<Input, Extra> & { signInReturnTo: string | ((form: FormData) => string) },
  run: (input: Input, user: SessionUser, fail: Fail<Extra>) => Promise<ActionState<NoInfer<Extra>>>,
): ServerAction<Extra> {
  return async (_previous, form) => {
    const returnTo = typeof options.signInReturnTo === 'string' ? options.signInReturnTo : options.signInReturnTo(form)
    const user = await requireUser(returnTo)
    return perform(options, form, (input, fail) => run(input, user, fail))
  }
}

/** Parses the form's string fields with `schema` (field errors keyed by field, the rest as the form's error). */
export const fromSchema =
  <T extends z.ZodType>(schema: T) =>
  (form: FormData, secrets: readonly string[]): Parsed<z.output<T>> =>
    parseForm(schema, form, secrets)

/** For actions without fields (a button that only says "do it"). */
export const noInput = (): Parsed<undefined> => ({ ok: true, data: undefined })

async function perform<Input, Extra extends object>(
  options: ActionOptions<Input, Extra>,
  form: FormData,
  run: (input: Input, fail: Fail<Extra>) => Promise<ActionState<NoInfer<Extra>>>,
): Promise<ActionState<Extra>> {
  const extra = (): Partial<Extra> => options.onFailure?.(form) ?? {}
  const failWith = (errors: { formError?: string; fieldErrors?: FieldErrors; upgradeUrl?: string }): ActionState<Extra> => ({
    ok: false,
    fieldErrors: errors.fieldErrors ?? {},
    formError: errors.formError,
    values: formValues(form, options.secrets),
    ...(errors.upgradeUrl ? { upgradeUrl: errors.upgradeUrl } : {}),
    ...extra(),
  })
  const parsed = options.parse(form, options.secrets ?? [])
  if (!parsed.ok) return { ...parsed.state, ...extra() }
  try {
    return await run(parsed.data, failWith)
  } catch (e) {
    unstable_rethrow(e)
    // The way to the plans only where Pro can be bought: without billing, the pricing page can't sell it.
    if (e instanceof LimitExceededError) return failWith({ formError: e.message, upgradeUrl: billingEnabled ? UPGRADE_PATH : undefined })
    if (e instanceof NotFoundError && options.notFound) return failWith({ formError: options.notFound })
    console.error(`[${options.name}] failed:`, e)
    return failWith({ formError: options.unexpected ?? UNEXPECTED_ERROR })
  }
}
