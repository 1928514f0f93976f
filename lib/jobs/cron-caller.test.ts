import { afterEach, describe, expect, it, vi } from 'vitest'

// lib/env.ts reads the environment once at import: each case loads the module under its own.
async function withEnv(vars: Record<string, string>) {
  vi.resetModules()
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value)
  const { identifyCronCaller } = await import('./cron-caller')
  const { internalRefreshToken } = await import('./internal-token')
  return { identifyCronCaller, internalRefreshToken }
}

afterEach(() => vi.unstubAllEnvs())

describe('identifyCronCaller', () => {
  it('knows this process’s own schedule by its token, with or without CRON_SECRET', async () => {
    for (const CRON_SECRET of ['a-cron-secret', '']) {
      const { identifyCronCaller, internalRefreshToken } = await withEnv({ CRON_SECRET, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) })
      expect(identifyCronCaller(`Bearer ${internalRefreshToken()}`)).toBe('scheduler')
    }
  })

  it('takes CRON_SECRET as a bearer token and nothing else', async () => {
    const { identifyCronCaller } = await withEnv({ CRON_SECRET: 'a-cron-secret' })
    expect(identifyCronCaller('Bearer a-cron-secret')).toBe('operator')
    expect(identifyCronCaller('a-cron-secret')).toBe('unauthorized')
    expect(identifyCronCaller('Bearer wrong')).toBe('unauthorized')
    expect(identifyCronCaller(null)).toBe('unauthorized')
  })

  it('without CRON_SECRET: off in production, open in development', async () => {
    expect((await withEnv({ CRON_SECRET: '', NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) })).identifyCronCaller(null)).toBe('not-configured')
    expect((await withEnv({ CRON_SECRET: '', NODE_ENV: 'development' })).identifyCronCaller(null)).toBe('operator')
  })
})
