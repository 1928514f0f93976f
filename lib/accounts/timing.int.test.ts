// Whether an address has an account must not show in how long the account forms take to answer
// (issue 13, finding 4: a reset request took ~21 ms for an account and ~10 ms without one).
// Each flow is timed many times for an address with an account and one without, interleaved,
// and the two distributions are compared: the share of pairs where "exists" was slower should be
// near one half. The bound is generous (outside 0.2-0.8 and more than 1 ms apart in the median),
// so scheduling noise does not trip it while a consistent extra step of a few ms does.
import { describe, expect, it } from 'vitest'
import { createTestUser } from '@/lib/testing/accounts'
import type { Defer } from './background'
import { requestPasswordReset } from './password-reset'
import { authenticate } from './sign-in'
import { registerAccount } from './sign-up'

const SAMPLES = 24
const WARM_UP = 3
const base = new Date('2026-05-01T10:00:00Z')
/** Each sample gets its own rate-limit windows, so no sample is refused early. */
const sampleTime = (i: number) => new Date(base.getTime() + i * 3 * 3600_000)

/** Holds deferred work until the timed call has returned; it then runs untimed. */
function deferred() {
  const pending: (() => Promise<void>)[] = []
  const defer: Defer = (task) => {
    pending.push(task)
  }
  const settle = async () => {
    for (const task of pending.splice(0)) await task()
  }
  return { defer, settle }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2
}

/** Times `run(true)` (account exists) against `run(false)`, alternating which goes first. */
async function compare(run: (exists: boolean, i: number) => Promise<unknown>, settle: () => Promise<void>) {
  const exists: number[] = []
  const missing: number[] = []
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    for (const which of i % 2 ? [true, false] : [false, true]) {
      const ms = await timed(() => run(which, i))
      await settle()
      if (i >= WARM_UP) (which ? exists : missing).push(ms)
    }
  }
  let slower = 0
  for (const a of exists) for (const b of missing) slower += a > b ? 1 : a === b ? 0.5 : 0
  const share = slower / (exists.length * missing.length)
  const medianGapMs = median(exists) - median(missing)
  return { share, medianGapMs, leaks: (share < 0.2 || share > 0.8) && Math.abs(medianGapMs) > 1 }
}

describe('answer times do not tell who has an account', () => {
  it('password reset request', async () => {
    await createTestUser('timed-reset@example.com')
    const { defer, settle } = deferred()
    const result = await compare(
      (exists, i) => requestPasswordReset(exists ? 'timed-reset@example.com' : 'no-such-reset@example.com', `ip-reset-${i}`, sampleTime(i), defer),
      settle,
    )
    expect(result, JSON.stringify(result)).toMatchObject({ leaks: false })
  })

  it('sign-in with a wrong password', async () => {
    await createTestUser('timed-sign-in@example.com')
    const result = await compare(
      (exists, i) =>
        authenticate({ email: exists ? 'timed-sign-in@example.com' : 'no-such-sign-in@example.com', password: 'not the password' }, `ip-in-${i}`, sampleTime(i)),
      async () => {},
    )
    expect(result, JSON.stringify(result)).toMatchObject({ leaks: false })
  })

  it('sign-up', async () => {
    await createTestUser('timed-sign-up@example.com')
    const { defer, settle } = deferred()
    const result = await compare(
      (exists, i) =>
        registerAccount(
          { email: exists ? 'timed-sign-up@example.com' : `fresh-${i}@example.com`, password: 'a fine password', timeZone: 'UTC' },
          `ip-up-${i}`,
          sampleTime(i),
          defer,
        ),
      settle,
    )
    expect(result, JSON.stringify(result)).toMatchObject({ leaks: false })
  })
})
