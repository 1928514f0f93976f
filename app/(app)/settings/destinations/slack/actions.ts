'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { fromSchema, userAction } from '@/lib/actions/define-action'
import { saveSlackDestination } from '@/lib/channels/slack-oauth'
import { PENDING_INSTALL_COOKIE } from '@/lib/channels/slack-install'
import { UPGRADE_PATH } from '@/lib/plans/plans'

const slackChannelSchema = z.object({
  channelId: z.string({ error: 'Pick a channel' }).regex(/^[CG][A-Z0-9]{2,30}$/, 'Pick a channel'),
  name: z.string().trim().max(80, 'At most 80 characters').optional().default(''),
})

export const saveSlackChannelAction = userAction(
  { name: 'slack channel', signInReturnTo: '/settings/destinations', parse: fromSchema(slackChannelSchema) },
  async ({ channelId, name }, user, fail) => {
    const jar = await cookies()
    const saved = await saveSlackDestination(user.id, jar.get(PENDING_INSTALL_COOKIE)?.value, { channelId, name }, new Date())
    if (!saved.ok) {
      if (saved.reason === 'no_install') return fail({ formError: 'This Slack sign-in has expired. Start again from "Add to Slack".' })
      if (saved.reason === 'unknown_channel') return fail({ fieldErrors: { channelId: ['That channel is not in the workspace any more; pick another'] } })
      if (saved.reason === 'unavailable') return fail({ formError: 'Slack could not be reached. Try again in a minute.' })
      return { ...fail({ formError: 'Your plan has no room for another destination. Remove one, or upgrade to add more.' }), upgradeUrl: UPGRADE_PATH }
    }
    jar.delete({ name: PENDING_INSTALL_COOKIE, path: '/settings/destinations' })
    redirect(`/settings/destinations?added=${saved.id}`)
  },
)
