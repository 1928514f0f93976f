// Possible outages (unofficial, issue 19) through the channel outbox on PostgreSQL, against the
// chat and PagerDuty stand-ins: only watches that opted in get them; when the official incident
// follows, Slack and Discord edit the warning to point at it (Slack also replies in its thread),
// Google Chat replies in the warning's thread, Teams posts only the incident's own card, PagerDuty
// resolves the warning (its own dedup key) while the incident triggers on its key. A watch that did
// not opt in gets the official incident alone, as before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as channelOutbox from '@/lib/data/channel-outbox'
import { createDestination } from '@/lib/data/destinations'
import { db } from '@/lib/db/client'
import { createTestUser } from '@/lib/testing/accounts'
import { startChannelStandins, type ChannelStandins } from '@/lib/testing/channel-standins'
import { SLACK_CHANNELS, SLACK_TEAM, startFakeChat, type FakeChat } from '@/lib/testing/fake-chat'
import { closePossibleOutage, openPossibleOutage } from '@/lib/testing/possible-outages'
import { discordSender } from './discord'
import { googleChatSender } from './google-chat'
import { addDestination } from './manage'
import { createOutboundHttp } from './outbound-http'
import { runChannelOutbox, type ChannelDeps } from './outbox'
import { createPagerDutySender } from './pagerduty'
import { openSettings, sealSettings } from './sealed-settings'
import { createSlackSender } from './slack'
import { teamsSender } from './teams'
import { webhookSender } from './webhook'

let chat: FakeChat
let standins: ChannelStandins
let clock = new Date('2030-07-01T10:42:00Z')
let seq = 0
const http = createOutboundHttp({ allowPrivateNetwork: true, timeoutMs: 5_000 })

function deps(): ChannelDeps {
  return {
    data: channelOutbox,
    senders: {
      slack: createSlackSender({ apiUrl: chat.slackApiUrl }),
      discord: discordSender,
      google_chat: googleChatSender,
      teams: teamsSender,
      pagerduty: createPagerDutySender(`${standins.url}/pagerduty`),
      webhook: webhookSender,
    },
    openSettings,
    http,
    appUrl: 'https://vw.example',
    now: () => clock,
    notifyBroken: async () => {},
  }
}
const run = () => runChannelOutbox(deps(), { watchLimits: { free: 10, paid: 200 }, timeBudgetMs: 30_000, concurrency: 4 })
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms))

async function vendor() {
  seq++
  return db.vendor.create({ data: { slug: `po-v-${seq}`, name: `Vendor ${seq}`, statusPageUrl: `https://status.pov${seq}.example` } })
}

async function watcher(vendorId: string, possibleOutageAlerts: boolean) {
  seq++
  const user = await createTestUser(`po${seq}@example.com`)
  await db.watchlistEntry.create({ data: { userId: user.id, vendorId, possibleOutageAlerts } })
  await db.subscription.create({ data: { userId: user.id, stripeSubscriptionId: `sub_po${seq}`, stripeCustomerId: `cus_po${seq}`, status: 'active', lastEventAt: clock } })
  return user
}

async function addSlack(userId: string) {
  const channel = SLACK_CHANNELS[0]
  const created = await createDestination({
    userId,
    kind: 'slack',
    name: '#ops',
    sealedSettings: sealSettings('slack', { botToken: chat.issueSlackToken(), channelId: channel?.id ?? '', channelName: channel?.name ?? '', teamId: SLACK_TEAM.id, teamName: SLACK_TEAM.name }),
    maskedTarget: '#ops in Acme Ops',
  })
  if (!created.ok) throw new Error('slack destination not created')
}

async function addEveryKind(userId: string) {
  await addSlack(userId)
  const options = { allowPrivateNetwork: true, chatWebhookTestBaseUrl: `${chat.url}/` }
  for (const [kind, target] of [
    ['discord', chat.discordWebhookUrl()],
    ['google_chat', chat.googleChatWebhookUrl()],
    ['teams', chat.teamsWebhookUrl()],
    ['pagerduty', 'R'.repeat(32)],
  ] as const) {
    expect(await addDestination(userId, { kind, name: kind, target }, options)).toMatchObject({ ok: true })
  }
}

async function officialIncident(vendorId: string) {
  seq++
  return db.incident.create({
    data: { vendorId, externalId: `po-inc-${seq}`, title: `Elevated errors ${seq}`, status: 'investigating', impact: 'major', startedAt: clock, firstSeenAt: clock },
  })
}

beforeAll(async () => {
  chat = await startFakeChat()
  standins = await startChannelStandins()
})
afterAll(async () => {
  await chat.close()
  await standins.close()
})
beforeEach(async () => {
  chat.reset()
  standins.reset()
  // Events of earlier tests are no one's news here.
  await db.$executeRaw`INSERT INTO "ChannelFanout" ("eventId", "fannedOutAt") SELECT id, ${clock} FROM "ChangeEvent" ON CONFLICT DO NOTHING`
})

describe('possible outages through the channel outbox', () => {
  it('warn every kind of an opted-in watch, then follow the official incident where each kind can', async () => {
    const v = await vendor()
    const user = await watcher(v.id, true)
    await addEveryKind(user.id)
    const outageId = await openPossibleOutage(v.id, clock)
    expect(await run()).toMatchObject({ deliveriesCreated: 5, sent: 5 })
    expect(chat.state.slack.messages).toHaveLength(1)
    expect(chat.state.slack.messages[0]?.text).toContain('Possible outage (unofficial)')
    expect(JSON.stringify(chat.state.discord.messages[0]?.body)).toContain('23 reports in 15 min, 8× usual')
    expect(standins.pagerduty.map((p) => [p.action, p.dedupKey])).toEqual([['trigger', `possible-outage:${outageId}`]])
    expect(standins.pagerduty[0]?.body).toMatchObject({ payload: { severity: 'warning' } })

    tick(15 * 60_000)
    const incident = await officialIncident(v.id)
    await closePossibleOutage(outageId, clock, { reason: 'official_incident', incidentId: incident.id })
    await run()
    const incidentUrl = `https://vw.example/vendors/${v.slug}/incidents/${incident.id}`

    // Slack: the warning edited to point at the incident plus a reply in its thread; the incident its own message.
    expect(chat.state.slack.messages).toHaveLength(2)
    const [warning, official] = chat.state.slack.messages
    expect(warning?.edits).toHaveLength(1)
    expect(JSON.stringify(warning?.blocks)).toContain(incidentUrl)
    expect(warning?.replies).toHaveLength(1)
    expect(official?.text).toContain(`Elevated errors`)
    // Discord: the warning's embed edited to the incident; the incident its own message.
    expect(chat.state.discord.messages).toHaveLength(2)
    expect(chat.state.discord.messages[0]?.edits).toHaveLength(1)
    expect(JSON.stringify(chat.state.discord.messages[0]?.body)).toContain(incidentUrl)
    // Google Chat: a reply in the warning's thread; the incident its own thread.
    expect(chat.state.googleChat.threads.map((t) => t.messages.length)).toEqual([2, 1])
    // Teams: no "closed" card, only the incident's.
    expect(chat.state.teams.cards).toHaveLength(2)
    expect(JSON.stringify(chat.state.teams.cards[1]?.body)).toContain('Elevated errors')
    // PagerDuty: the warning resolved, the incident triggered on its own key.
    expect(standins.pagerduty.map((p) => [p.action, p.dedupKey]).slice(1).sort()).toEqual([
      ['resolve', `possible-outage:${outageId}`],
      ['trigger', incident.id],
    ])
  })

  it('a watch that did not opt in gets the official incident only, unchanged', async () => {
    const v = await vendor()
    const user = await watcher(v.id, false)
    await addSlack(user.id)
    const outageId = await openPossibleOutage(v.id, clock)
    expect(await run()).toMatchObject({ deliveriesCreated: 0 })
    tick(15 * 60_000)
    const incident = await officialIncident(v.id)
    await closePossibleOutage(outageId, clock, { reason: 'official_incident', incidentId: incident.id })
    expect(await run()).toMatchObject({ deliveriesCreated: 1, sent: 1 })
    expect(chat.state.slack.messages).toHaveLength(1)
    expect(chat.state.slack.messages[0]?.text).toContain('Elevated errors')
    expect(chat.state.slack.messages[0]?.edits).toHaveLength(0)
  })

  it('a subsided warning is edited and followed up in place; Teams posts a short card', async () => {
    const v = await vendor()
    const user = await watcher(v.id, true)
    await addEveryKind(user.id)
    const outageId = await openPossibleOutage(v.id, clock)
    await run()
    tick(25 * 60_000)
    await closePossibleOutage(outageId, clock, { reason: 'subsided' })
    expect(await run()).toMatchObject({ sent: 5 })
    expect(chat.state.slack.messages).toHaveLength(1)
    expect(chat.state.slack.messages[0]?.replies.map((r) => r.text)).toEqual([expect.stringContaining('Signals subsided')])
    expect(chat.state.discord.messages[0]?.edits).toHaveLength(1)
    expect(chat.state.googleChat.threads[0]?.messages).toHaveLength(2)
    expect(chat.state.teams.cards).toHaveLength(2)
    expect(standins.pagerduty.map((p) => p.action)).toEqual(['trigger', 'resolve'])
  })
})
