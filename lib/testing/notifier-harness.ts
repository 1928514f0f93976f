// The notifier as the pipeline tests run it: the real data layer, composers and sender, the Resend
// SDK pointed at the local fake (lib/testing/fake-resend.ts), and a clock the test sets.
import { notifierData } from '@/lib/data/notifier-data'
import { mailerOver } from '@/lib/email'
import { createResendTransport } from '@/lib/email/resend-transport'
import { createComposer, createDigestComposer } from '@/lib/notify/compose'
import type { Mailer } from '@/lib/notify/mailer'
import { runNotifier } from '@/lib/notify/run'

export const TEST_APP_URL = 'https://vw.example'

/** The real Resend transport, sending to the fake Resend at `fakeUrl`. */
export function fakeResendMailer(fakeUrl: string): Mailer {
  return mailerOver(createResendTransport({ apiKey: 're_test_key', baseUrl: fakeUrl }), 'Vendorwatch <alerts@vw.example>')
}

/** One notifier run at `now` (Free 10 / paid 200 watches, 30 s budget). */
export function runTestNotifier(now: Date, deps: { mailer: Mailer; secret: string }) {
  return runNotifier(
    {
      data: notifierData,
      mailer: deps.mailer,
      compose: createComposer(notifierData, { appUrl: TEST_APP_URL, secret: deps.secret }),
      composeDigest: createDigestComposer(notifierData, { appUrl: TEST_APP_URL, secret: deps.secret }),
      now: () => now,
    },
    { limits: { free: 10, paid: 200 }, timeBudgetMs: 30_000 },
  )
}
