// "Add to Slack" through the lib functions the routes call, against the Slack stand-in: the
// authorize page's Allow link, the code exchanged with oauth.v2.access, the channel list, and the
// destination saved with the bot token sealed (never in clear in the database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { createTestUser } from '@/lib/testing/accounts'
import { SLACK_CHANNELS, startFakeChat, type FakeChat } from '@/lib/testing/fake-chat'
import { openSettings } from './sealed-settings'
import * as slackOAuth from './slack-oauth'

let chat: FakeChat
let config: slackOAuth.SlackAppConfig
const NOW = new Date('2026-03-02T14:00:00Z')

beforeAll(async () => {
  chat = await startFakeChat({ clientId: 'cid', clientSecret: 'csecret' })
  config = { clientId: 'cid', clientSecret: 'csecret', secret: 'integration-slack-secret-0123456789abcdef', appUrl: 'http://app.test', apiUrl: chat.slackApiUrl, authorizeUrl: chat.slackAuthorizeUrl }
})

/** The lib functions with this test's Slack app, as the routes call them with the environment's. */
const oauth = {
  startSlackInstall: (userId: string, now: Date) => slackOAuth.startSlackInstall(userId, now, config),
  finishSlackInstall: (input: Parameters<typeof slackOAuth.finishSlackInstall>[0]) => slackOAuth.finishSlackInstall(input, config),
  loadSlackPicker: (userId: string, cookie: string | undefined, now: Date) => slackOAuth.loadSlackPicker(userId, cookie, now, config),
  saveSlackDestination: (userId: string, cookie: string | undefined, choice: { channelId: string; name: string }, now: Date) => slackOAuth.saveSlackDestination(userId, cookie, choice, now, config),
}
afterAll(async () => chat.close())

/** What the browser does on Slack's page: follow "Allow", which carries the code and the state back. */
async function allowInSlack(authorizeUrl: string): Promise<URL> {
  const page = await (await fetch(authorizeUrl)).text()
  const allow = /<a class="b allow" href="([^"]+)"/.exec(page)?.[1]
  if (!allow) throw new Error('no Allow link on the authorize page')
  return new URL(allow.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))))
}

describe('Add to Slack', () => {
  it('installs, lists the channels and saves the picked one with the token sealed', async () => {
    const user = await createTestUser('slack-owner@example.com')
    const started = oauth.startSlackInstall(user.id, NOW)
    if (!started.ok) throw new Error('Slack should be configured')
    const authorize = new URL(started.authorizeUrl)
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://app.test/api/slack/oauth/callback')
    const back = await allowInSlack(started.authorizeUrl)

    const finished = await oauth.finishSlackInstall({ userId: user.id, code: back.searchParams.get('code'), state: back.searchParams.get('state'), error: null, stateCookie: started.stateCookie, now: NOW })
    if (!finished.ok) throw new Error(`install failed: ${finished.reason}`)

    const picker = await oauth.loadSlackPicker(user.id, finished.pendingCookie, NOW)
    expect(picker).toMatchObject({ ok: true, teamName: 'Acme Ops' })
    expect(picker.ok && picker.channels.map((c) => c.name)).toEqual(['ops', 'sre-private', 'vendor-incidents'])

    const channel = SLACK_CHANNELS[0]?.id ?? ''
    const saved = await oauth.saveSlackDestination(user.id, finished.pendingCookie, { channelId: channel, name: '' }, NOW)
    if (!saved.ok) throw new Error(`save failed: ${saved.reason}`)
    const row = await db.destination.findUniqueOrThrow({ where: { id: saved.id } })
    expect(row).toMatchObject({ userId: user.id, kind: 'slack', name: '#ops', maskedTarget: '#ops in Acme Ops' })
    expect(row.sealedSettings).not.toContain('xoxb')
    const settings = openSettings('slack', row.sealedSettings)
    expect(settings).toMatchObject({ channelId: channel, channelName: 'ops', teamName: 'Acme Ops' })
    expect(settings.botToken).toMatch(/^xoxb-fake-/)
  })

  it('refuses a callback whose state another user started, a cancelled install and a channel it did not offer', async () => {
    const owner = await createTestUser('slack-a@example.com')
    const stranger = await createTestUser('slack-b@example.com')
    const started = oauth.startSlackInstall(owner.id, NOW)
    if (!started.ok) throw new Error('Slack should be configured')
    const back = await allowInSlack(started.authorizeUrl)
    const code = back.searchParams.get('code')
    const state = back.searchParams.get('state')
    expect(await oauth.finishSlackInstall({ userId: stranger.id, code, state, error: null, stateCookie: started.stateCookie, now: NOW })).toEqual({ ok: false, reason: 'state' })
    expect(await oauth.finishSlackInstall({ userId: owner.id, code: null, state, error: 'access_denied', stateCookie: started.stateCookie, now: NOW })).toEqual({ ok: false, reason: 'denied' })
    expect(await oauth.finishSlackInstall({ userId: owner.id, code, state, error: null, stateCookie: started.stateCookie, now: new Date(NOW.getTime() + 11 * 60_000) })).toEqual({ ok: false, reason: 'expired' })

    const finished = await oauth.finishSlackInstall({ userId: owner.id, code, state, error: null, stateCookie: started.stateCookie, now: NOW })
    if (!finished.ok) throw new Error(`install failed: ${finished.reason}`)
    // The code is single-use at Slack.
    expect(await oauth.finishSlackInstall({ userId: owner.id, code, state, error: null, stateCookie: started.stateCookie, now: NOW })).toEqual({ ok: false, reason: 'exchange' })
    expect(await oauth.saveSlackDestination(owner.id, finished.pendingCookie, { channelId: 'C0NOTTHERE', name: 'x' }, NOW)).toEqual({ ok: false, reason: 'unknown_channel' })
    expect(await oauth.saveSlackDestination(stranger.id, finished.pendingCookie, { channelId: SLACK_CHANNELS[0]?.id ?? '', name: 'x' }, NOW)).toEqual({ ok: false, reason: 'no_install' })
    expect(await db.destination.count({ where: { userId: { in: [owner.id, stranger.id] } } })).toBe(0)
  })
})
