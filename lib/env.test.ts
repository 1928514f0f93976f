import { describe, expect, it } from 'vitest'
import { DEVELOPMENT_AUTH_SECRET, parseEnv } from './env'

describe('parseEnv', () => {
  it('gives working defaults for a zero-setup start', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ NODE_ENV: 'development', PGLITE_DIR: '.data/pglite', APP_URL: 'http://localhost:3000', PORT: 3000 })
    expect(env.DATABASE_URL).toBeUndefined()
  })
  it('points APP_URL at the port the server listens on unless it is set', () => {
    expect(parseEnv({ PORT: '3411' }).APP_URL).toBe('http://localhost:3411')
    expect(parseEnv({ PORT: '3411', APP_URL: '' }).APP_URL).toBe('http://localhost:3411')
    expect(parseEnv({ PORT: '3411', APP_URL: 'https://vendorwatch.example' }).APP_URL).toBe('https://vendorwatch.example')
  })
  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })
  it('names the variable and the problem when a value is wrong', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/)
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => parseEnv({ APP_URL: 'localhost' })).toThrow(/APP_URL: must be an absolute URL/)
  })
})

describe('parseEnv: refresh settings', () => {
  it('defaults to an in-process refresh every minute, with private networks refused', () => {
    expect(parseEnv({})).toMatchObject({ REFRESH_INTERVAL_SECONDS: 60, REFRESH_SCHEDULER: 'in-process', INGEST_ALLOW_PRIVATE_NETWORK: false })
  })
  it('reads flags and rejects nonsense', () => {
    expect(parseEnv({ INGEST_ALLOW_PRIVATE_NETWORK: 'true', REFRESH_SCHEDULER: 'external' })).toMatchObject({
      INGEST_ALLOW_PRIVATE_NETWORK: true,
      REFRESH_SCHEDULER: 'external',
    })
    expect(() => parseEnv({ INGEST_ALLOW_PRIVATE_NETWORK: 'yes' })).toThrow(/INGEST_ALLOW_PRIVATE_NETWORK: must be true or false/)
    expect(() => parseEnv({ REFRESH_INTERVAL_SECONDS: '1' })).toThrow(/REFRESH_INTERVAL_SECONDS: must be at least 10/)
  })
})

describe('parseEnv: auth and email', () => {
  it('uses the public development secret outside production', () => {
    expect(parseEnv({}).AUTH_SECRET).toBe(DEVELOPMENT_AUTH_SECRET)
    expect(parseEnv({ NODE_ENV: 'test' }).AUTH_SECRET).toBe(DEVELOPMENT_AUTH_SECRET)
  })
  it('refuses to run in production without AUTH_SECRET, naming it, but lets `next build` through', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: is required in production/)
    expect(parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }).AUTH_SECRET).toBe(DEVELOPMENT_AUTH_SECRET)
    const secret = 'x'.repeat(32)
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: secret }).AUTH_SECRET).toBe(secret)
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32 characters/)
  })
  it('logs email to .data/mail by default', () => {
    expect(parseEnv({})).toMatchObject({ EMAIL_TRANSPORT: 'log', EMAIL_LOG_DIR: '.data/mail' })
    expect(() => parseEnv({ EMAIL_TRANSPORT: 'smtp' })).toThrow(/EMAIL_TRANSPORT: must be log/)
  })
})

describe('parseEnv: Stripe', () => {
  it('runs free-only without Stripe, and takes a complete configuration', () => {
    expect(parseEnv({}).STRIPE_SECRET_KEY).toBeUndefined()
    const full = { STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1', STRIPE_PRICE_PRO: 'price_1' }
    expect(parseEnv(full)).toMatchObject(full)
  })
  it('refuses half a configuration, naming what is missing', () => {
    expect(() => parseEnv({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(/STRIPE_WEBHOOK_SECRET: is required[\s\S]*STRIPE_PRICE_PRO: is required/)
    const withoutPrice = () => parseEnv({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' })
    expect(withoutPrice).toThrow(/STRIPE_PRICE_PRO: is required/)
    expect(withoutPrice).not.toThrow(/STRIPE_WEBHOOK_SECRET: is required/)
  })
  it('wants an absolute URL for the test API base', () => {
    expect(() => parseEnv({ STRIPE_API_BASE: '127.0.0.1:12111' })).toThrow(/STRIPE_API_BASE: must be an absolute URL/)
  })
})

describe('parseEnv: Slack app', () => {
  it('runs without Slack, takes both credentials, and refuses one without the other', () => {
    expect(parseEnv({}).SLACK_CLIENT_ID).toBeUndefined()
    expect(parseEnv({ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's' })).toMatchObject({ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's' })
    expect(() => parseEnv({ SLACK_CLIENT_ID: '1.2' })).toThrow(/SLACK_CLIENT_SECRET: is required/)
    expect(() => parseEnv({ SLACK_CLIENT_SECRET: 's' })).toThrow(/SLACK_CLIENT_ID: is required/)
    expect(() => parseEnv({ SLACK_API_URL: 'slack' })).toThrow(/SLACK_API_URL: must be an absolute URL/)
  })
})

describe('parseEnv: database timeouts', () => {
  it('bounds PostgreSQL connect, statement and idle times by default, and reads overrides', () => {
    expect(parseEnv({})).toMatchObject({ DATABASE_CONNECT_TIMEOUT_MS: 3000, DATABASE_STATEMENT_TIMEOUT_MS: 15000, DATABASE_IDLE_TIMEOUT_MS: 30000 })
    expect(parseEnv({ DATABASE_CONNECT_TIMEOUT_MS: '1500' }).DATABASE_CONNECT_TIMEOUT_MS).toBe(1500)
    expect(() => parseEnv({ DATABASE_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/)
  })
})

describe('parseEnv: embedded database', () => {
  it('migrates from prisma/migrations with the installed engine by default, and reads overrides', () => {
    expect(parseEnv({})).toMatchObject({ PRISMA_MIGRATIONS: 'prisma/migrations', EMBEDDED_DB_AUTO_MIGRATE: true })
    expect(parseEnv({}).SCHEMA_ENGINE_WASM).toBeUndefined()
    expect(parseEnv({ EMBEDDED_DB_AUTO_MIGRATE: '0' }).EMBEDDED_DB_AUTO_MIGRATE).toBe(false)
    expect(parseEnv({ EMBEDDED_DB_AUTO_MIGRATE: 'false' }).EMBEDDED_DB_AUTO_MIGRATE).toBe(false)
    expect(parseEnv({ EMBEDDED_DB_AUTO_MIGRATE: '1' }).EMBEDDED_DB_AUTO_MIGRATE).toBe(true)
    expect(parseEnv({ PRISMA_MIGRATIONS: 'other/migrations', SCHEMA_ENGINE_WASM: '/opt/engine.wasm' })).toMatchObject({ PRISMA_MIGRATIONS: 'other/migrations', SCHEMA_ENGINE_WASM: '/opt/engine.wasm' })
    expect(() => parseEnv({ EMBEDDED_DB_AUTO_MIGRATE: 'maybe' })).toThrow(/EMBEDDED_DB_AUTO_MIGRATE/)
  })
})

describe('parseEnv: TRUST_PROXY', () => {
  it('trusts no proxy by default, Vercel on Vercel, and reads hop counts and platforms', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe('none')
    expect(parseEnv({ VERCEL: '1' }).TRUST_PROXY).toBe('vercel')
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
    expect(parseEnv({ TRUST_PROXY: 'cloudflare', VERCEL: '1' }).TRUST_PROXY).toBe('cloudflare')
  })
  it('refuses anything else', () => {
    expect(() => parseEnv({ TRUST_PROXY: '0' })).toThrow(/TRUST_PROXY: must be none, a number/)
    expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/)
    expect(() => parseEnv({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY/)
  })
})
