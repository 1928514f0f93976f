// Who is asking the cron route to run the scheduled work: this process's own schedule (its
// per-process token), a holder of CRON_SECRET, or nobody we accept.
import { bearerToken, sameSecret } from '@/lib/auth/operator'
import { env, isProduction } from '@/lib/env'
import { isInternalRefreshToken } from './internal-token'

export type CronCaller =
  /** The in-process schedule of this server (./in-process-schedule.ts). */
  | 'scheduler'
  /** Vercel Cron or an operator with CRON_SECRET (or anyone, outside production, when no secret is set). */
  | 'operator'
  | 'unauthorized'
  /** Production without CRON_SECRET: the route is off. */
  | 'not-configured'

export function identifyCronCaller(authorization: string | null): CronCaller {
  const token = bearerToken(authorization)
  if (token !== null && isInternalRefreshToken(token)) return 'scheduler'
  if (!env.CRON_SECRET) {
    // Without a secret anyone could make us hammer 2,000 status pages: refuse in production.
    return isProduction ? 'not-configured' : 'operator'
  }
  return token !== null && sameSecret(token, env.CRON_SECRET) ? 'operator' : 'unauthorized'
}
