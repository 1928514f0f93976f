// The action wrapper's promises: the user comes from the session before the form is read, known
// errors become words the user can act on, anything else is logged and masked, secrets never come
// back, and Next's redirects pass through untouched.
import { redirect } from 'next/navigation'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { LimitExceededError, NotFoundError } from '@/lib/errors'
import { fromSchema, publicAction, UNEXPECTED_ERROR, userAction } from './define-action'

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }))
vi.mock('@/lib/auth/session', async () => {
  const { redirect } = await import('next/navigation')
  return { requireUser: async (returnTo: string) => session.user ?? redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`) }
})

// Whether Pro can be bought here decides whether a refusal at the plan limit points to the plans.
const billing = vi.hoisted(() => ({ enabled: true }))
vi.mock('@/lib/env', () => ({
  get billingEnabled() {
    return billing.enabled
  },
}))

const schema = z.object({ email: z.email({ error: 'Enter an email' }), password: z.string().min(3, { error: 'Too short' }) })
const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.set(k, v)
  return data
}
const good = form({ email: 'ann@example.com', password: 'hunter22' })

afterEach(() => {
  session.user = null
  vi.restoreAllMocks()
})

describe('publicAction', () => {
  it('returns field errors with what was typed, minus secrets, without running', async () => {
    const run = vi.fn()
    const action = publicAction({ name: 't', parse: fromSchema(schema), secrets: ['password'] }, run)
    const state = await action(null, form({ email: 'nope', password: 'x' }))
    expect(state).toEqual({ ok: false, fieldErrors: { email: ['Enter an email'], password: ['Too short'] }, formError: undefined, values: { email: 'nope' } })
    expect(run).not.toHaveBeenCalled()
  })

  it('passes what the handler answers through', async () => {
    const action = publicAction({ name: 't', parse: fromSchema(schema) }, async ({ email }) => ({ ok: true, message: `hi ${email}` }))
    expect(await action(null, good)).toEqual({ ok: true, message: 'hi ann@example.com' })
  })

  it('a refusal from the handler keeps the typed values, minus secrets', async () => {
    const action = publicAction({ name: 't', parse: fromSchema(schema), secrets: ['password'] }, async (_input, fail) => fail({ formError: 'No.' }))
    expect(await action(null, good)).toEqual({ ok: false, fieldErrors: {}, formError: 'No.', values: { email: 'ann@example.com' } })
  })

  it('logs an unexpected error and shows only the masked words', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const action = publicAction({ name: 'thing', parse: fromSchema(schema), secrets: ['password'] }, async () => {
      throw new Error('connection to 10.0.0.5 refused, password=hunter22')
    })
    const state = await action(null, good)
    expect(state).toMatchObject({ ok: false, formError: UNEXPECTED_ERROR })
    expect(JSON.stringify(state)).not.toContain('10.0.0.5')
    expect(JSON.stringify(state)).not.toContain('hunter22')
    expect(log).toHaveBeenCalledWith('[thing] failed:', expect.any(Error))
  })

  it('an action may choose its own masked words', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const action = publicAction({ name: 't', parse: fromSchema(schema), unexpected: 'Stripe is away.' }, async () => {
      throw new Error('boom')
    })
    expect(await action(null, good)).toMatchObject({ ok: false, formError: 'Stripe is away.' })
  })

  it('maps the plan limit to its message and the way to the plans', async () => {
    const action = publicAction({ name: 't', parse: fromSchema(schema) }, async () => {
      throw new LimitExceededError('Your plan watches up to 10 vendors.', 10)
    })
    expect(await action(null, good)).toMatchObject({ ok: false, formError: 'Your plan watches up to 10 vendors.', upgradeUrl: expect.stringMatching(/^\//) })
  })

  it('offers no way to the plans when billing is not configured (Pro cannot be bought here)', async () => {
    billing.enabled = false
    try {
      const action = publicAction({ name: 't', parse: fromSchema(schema) }, async () => {
        throw new LimitExceededError('Your plan watches up to 10 vendors.', 10)
      })
      const state = await action(null, good)
      expect(state).toMatchObject({ ok: false, formError: 'Your plan watches up to 10 vendors.' })
      expect(state).not.toHaveProperty('upgradeUrl')
    } finally {
      billing.enabled = true
    }
  })

  it('maps NotFound to the action’s words when it has some, else masks it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const gone = async (): Promise<never> => {
      throw new NotFoundError('No such vendor row 42')
    }
    const withWords = publicAction({ name: 't', parse: fromSchema(schema), notFound: 'Reload the page.' }, gone)
    expect(await withWords(null, good)).toMatchObject({ ok: false, formError: 'Reload the page.' })
    expect(log).not.toHaveBeenCalled()
    const without = publicAction({ name: 't', parse: fromSchema(schema) }, gone)
    expect(await without(null, good)).toMatchObject({ ok: false, formError: UNEXPECTED_ERROR })
    expect(log).toHaveBeenCalledOnce()
  })

  it('lets a redirect from the handler through', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const action = publicAction({ name: 't', parse: fromSchema(schema) }, async () => redirect('/dashboard'))
    await expect(action(null, good)).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') })
    expect(log).not.toHaveBeenCalled()
  })

  it('every failure carries the fields the button needs', async () => {
    const action = publicAction<undefined, { watched: boolean }>(
      { name: 't', parse: () => ({ ok: true, data: undefined }), onFailure: (f) => ({ watched: f.get('intent') === 'unwatch' }) },
      async (_input, fail) => fail({ formError: 'No.' }),
    )
    expect(await action(null, form({ intent: 'unwatch' }))).toMatchObject({ ok: false, watched: true })
  })
})

describe('userAction', () => {
  it('sends a signed-out caller to sign-in before reading the form', async () => {
    const parse = vi.fn(fromSchema(schema))
    const action = userAction({ name: 't', signInReturnTo: '/settings', parse }, async () => ({ ok: true }))
    await expect(action(null, good)).rejects.toMatchObject({ digest: expect.stringContaining('/sign-in?next=%2Fsettings') })
    expect(parse).not.toHaveBeenCalled()
  })

  it('hands the session user to the handler', async () => {
    session.user = { id: 'u1', email: 'ann@example.com' }
    const action = userAction({ name: 't', signInReturnTo: '/settings', parse: fromSchema(schema) }, async (_input, user) => ({ ok: true, message: user.id }))
    expect(await action(null, good)).toEqual({ ok: true, message: 'u1' })
  })
})
