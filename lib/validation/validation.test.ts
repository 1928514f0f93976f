import { describe, expect, it } from 'vitest'
import { resetPasswordSchema, signInSchema, signUpSchema } from './auth'
import { formValues, parseForm } from './form'
import { changePasswordSchema, timeZoneSchema } from './settings'
import { canonicalTimeZone, listTimeZones } from './time-zone'
import { watchPreferencesSchema, watchToggleSchema } from './watchlist'

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.append(k, v)
  return data
}

describe('sign-up and sign-in forms', () => {
  it('normalizes the email and keeps the browser time zone when Intl knows it', () => {
    expect(signUpSchema.parse({ email: '  Ann@Example.COM ', password: 'long enough pw', timeZone: 'europe/berlin' })).toMatchObject({
      email: 'ann@example.com',
      timeZone: 'Europe/Berlin',
    })
    expect(signUpSchema.parse({ email: 'a@b.co', password: 'long enough pw', timeZone: 'Mars/Base' }).timeZone).toBe('UTC')
    expect(signUpSchema.parse({ email: 'a@b.co', password: 'long enough pw', timeZone: '' }).timeZone).toBe('UTC')
  })

  it('explains what is wrong, per field', () => {
    const result = parseForm(signUpSchema, form({ email: 'not-an-email', password: 'short' }), ['password'])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.state).toEqual({
      ok: false,
      fieldErrors: { email: ['Enter a valid email address, like name@example.com'], password: ['Use at least 10 characters'] },
      formError: undefined,
      values: { email: 'not-an-email' },
    })
  })

  it('drops a bad watch slug or return path instead of failing the sign-up', () => {
    const parsed = signInSchema.parse({ email: 'a@b.co', password: 'x', watch: '../etc', next: 'x'.repeat(600) })
    expect(parsed.watch).toBeUndefined()
    expect(parsed.next).toBeUndefined()
  })

  it('requires matching passwords and a well-formed token to reset', () => {
    const token = 'a'.repeat(43)
    expect(resetPasswordSchema.safeParse({ token, password: 'long enough pw', confirmPassword: 'long enough pw' }).success).toBe(true)
    const mismatch = resetPasswordSchema.safeParse({ token, password: 'long enough pw', confirmPassword: 'other' })
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ['confirmPassword'], message: 'The two passwords do not match' })
    expect(resetPasswordSchema.safeParse({ token: 'short', password: 'long enough pw', confirmPassword: 'long enough pw' }).success).toBe(false)
  })
})

describe('form values sent back to the browser', () => {
  it('never include secrets or React internals', () => {
    expect(formValues(form({ email: 'a@b.co', password: 'hunter2hunter2', currentPassword: 'x', $ACTION_ID_1: '' }), ['password', 'currentPassword'])).toEqual({
      email: 'a@b.co',
    })
  })
})

describe('settings forms', () => {
  it('accept only time zones Intl knows, in canonical spelling', () => {
    expect(timeZoneSchema.parse({ timeZone: 'america/new_york' })).toEqual({ timeZone: 'America/New_York' })
    expect(timeZoneSchema.safeParse({ timeZone: 'Nowhere/Special' }).success).toBe(false)
    expect(canonicalTimeZone('')).toBeNull()
    expect(listTimeZones()[0]).toBe('UTC')
    expect(listTimeZones()).toContain('Europe/Berlin')
  })
  it('require the new password twice', () => {
    expect(changePasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'long enough pw', confirmPassword: 'long enough pX' }).success).toBe(false)
  })
})

describe('watchlist forms', () => {
  it('accept only real slugs and intents', () => {
    expect(watchToggleSchema.safeParse({ vendor: 'github', intent: 'watch' }).success).toBe(true)
    expect(watchToggleSchema.safeParse({ vendor: 'GitHub; drop', intent: 'watch' }).success).toBe(false)
    expect(watchToggleSchema.safeParse({ vendor: 'github', intent: 'delete' }).success).toBe(false)
  })
  it('read checkboxes as booleans and need a component when choosing components', () => {
    const base = { vendor: 'github', scope: 'all', minImpact: 'minor', delivery: 'digest' }
    expect(watchPreferencesSchema.parse({ ...base, maintenance: 'on' }).maintenance).toBe(true)
    expect(watchPreferencesSchema.parse({ ...base, maintenance: null }).maintenance).toBe(false)
    // Component changes without an incident: off unless ticked.
    expect(watchPreferencesSchema.parse({ ...base, componentChanges: null }).componentChanges).toBe(false)
    expect(watchPreferencesSchema.parse({ ...base, componentChanges: 'on' }).componentChanges).toBe(true)
    const none = watchPreferencesSchema.safeParse({ ...base, scope: 'chosen', components: [] })
    expect(none.error?.issues[0]?.path).toEqual(['components'])
    expect(watchPreferencesSchema.safeParse({ ...base, minImpact: 'critical' }).success).toBe(false)
  })
})
