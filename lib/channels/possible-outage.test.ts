// A possible outage (unofficial, issue 19) in every destination kind: the message built once, what
// each service shows, what PagerDuty does, and which kinds carry the close.
import { describe, expect, it } from 'vitest'
import { possibleOutageEvent } from '@/lib/testing/channel-events'
import { discordPayload } from './discord'
import { googleChatPayload, googleChatThreadKey } from './google-chat'
import { buildChannelMessage } from './message'
import { COLOURS } from './message-parts'
import { pagerDutyAction, pagerDutyDedupKey, pagerDutyEvent } from './pagerduty'
import { kindCarries, skipWithoutThread } from './rules'
import { slackBlocks, slackFallbackText, slackReply } from './slack-blocks'
import { teamsCard } from './teams'
import type { ChannelKind } from './types'

const APP = 'https://vw.example'
const message = (...args: Parameters<typeof possibleOutageEvent>) => {
  const built = buildChannelMessage(possibleOutageEvent(...args), APP)
  if (!built) throw new Error('no message')
  return built
}
const text = (value: unknown) => JSON.stringify(value)
const SENTENCE = "Possible outage (unofficial): users report problems with GitHub since 10:42 UTC — 23 reports in 15 min, 8× usual; 2 of 3 probes failing. GitHub's status page says operational."

describe('the possible outage message', () => {
  it('is its own subject, labelled unofficial, linking the vendor page, with the figures', () => {
    const m = message('possible_outage_opened')
    expect(m).toMatchObject({ subjectKey: 'possible-outage:po_1', title: 'Possible outage (unofficial)', url: `${APP}/vendors/github`, impact: null, closed: false, affectedComponents: [] })
    expect(m.latestUpdate?.body).toBe(SENTENCE)
  })

  it('carries a documented possibleOutage object in the webhook payload', () => {
    expect(message('possible_outage_opened').payload).toEqual({
      version: 1,
      type: 'possible_outage.opened',
      id: 'evt_possible_outage_opened',
      occurredAt: '2030-03-04T10:42:00.000Z',
      vendor: { slug: 'github', name: 'GitHub', statusPageUrl: 'https://www.githubstatus.com', url: `${APP}/vendors/github` },
      possibleOutage: {
        id: 'po_1',
        unofficial: true,
        status: 'open',
        openedAt: '2030-03-04T10:42:00.000Z',
        closedAt: null,
        closeReason: null,
        trigger: 'reports+probes',
        evidence: { reports: 23, windowMinutes: 15, baseline: 2.9, ratio: 8, probesFailing: 2, probesTotal: 3, probeFailStreak: 3 },
        summary: SENTENCE,
        incident: null,
        url: `${APP}/vendors/github`,
      },
    })
    expect(message('possible_outage_closed', 'official_incident').payload).toMatchObject({
      type: 'possible_outage.closed',
      possibleOutage: { status: 'closed', closeReason: 'official_incident', closedAt: '2030-03-04T11:05:00.000Z', incident: { id: 'inc_1', title: 'Degraded performance for Actions', url: `${APP}/vendors/github/incidents/inc_1` } },
    })
    expect(message('possible_outage_closed', 'subsided').payload).toMatchObject({ possibleOutage: { status: 'closed', closeReason: 'subsided', incident: null } })
  })

  it('points at the official incident once it closed the outage', () => {
    const m = message('possible_outage_closed', 'official_incident')
    expect(m).toMatchObject({ title: 'Possible outage (unofficial) → official incident: Degraded performance for Actions', url: `${APP}/vendors/github/incidents/inc_1`, statusLabel: 'Confirmed: official incident', closed: true })
    expect(message('possible_outage_closed', 'subsided')).toMatchObject({ statusLabel: 'Signals subsided', closed: true, url: `${APP}/vendors/github` })
  })
})

describe('each kind renders it', () => {
  it('Slack: the unofficial label, a warning sign, the figures; a reply when it subsides; never "Resolved:"', () => {
    const opened = message('possible_outage_opened')
    const all = text(slackBlocks(opened))
    expect(all).toContain('Possible outage (unofficial)')
    expect(all).toContain(':warning: Unofficial: not confirmed by the vendor')
    expect(all).toContain('23 reports in 15 min, 8× usual')
    expect(all).toContain(`<${APP}/vendors/github|Possible outage (unofficial)>`)
    const subsided = message('possible_outage_closed', 'subsided')
    expect(slackFallbackText(subsided)).toBe('GitHub — Possible outage (unofficial) (Signals subsided)')
    expect(slackReply(subsided).text).toContain('Signals subsided: The problems users and our probes saw with GitHub since 10:42 UTC have subsided')
    expect(text(slackBlocks(message('possible_outage_closed', 'official_incident')))).toContain(`<${APP}/vendors/github/incidents/inc_1|`)
  })

  it('Discord: a violet embed while open (never an impact colour), green once over', () => {
    const embed = (discordPayload(message('possible_outage_opened')).embeds as Record<string, unknown>[])[0]
    expect(embed).toMatchObject({ title: 'Possible outage (unofficial)', color: COLOURS.possibleOutage, url: `${APP}/vendors/github` })
    expect(String(embed?.description)).toContain('23 reports in 15 min')
    expect((discordPayload(message('possible_outage_closed', 'official_incident')).embeds as Record<string, unknown>[])[0]).toMatchObject({ color: COLOURS.closed, url: `${APP}/vendors/github/incidents/inc_1` })
  })

  it("Google Chat: one thread per possible outage, the close replying in it", () => {
    const opened = googleChatPayload(message('possible_outage_opened'))
    expect(opened).toMatchObject({ thread: { threadKey: googleChatThreadKey('possible-outage:po_1') } })
    expect(String(opened.text)).toContain('Possible outage (unofficial)')
    expect(googleChatPayload(message('possible_outage_closed', 'official_incident'))).toMatchObject({ thread: { threadKey: 'vendorwatch-possible-outage-po_1' } })
  })

  it('Teams: an Adaptive Card in the warning colour', () => {
    const card = text(teamsCard(message('possible_outage_opened')))
    expect(card).toContain('"color":"Warning"')
    expect(card).toContain('Possible outage (unofficial)')
    expect(card).toContain('23 reports in 15 min, 8× usual')
  })

  it('PagerDuty: a warning on its own dedup key, resolved when it closes either way', () => {
    const settings = { routingKey: 'K'.repeat(32) }
    const opened = message('possible_outage_opened')
    expect(pagerDutyAction(opened)).toBe('trigger')
    expect(pagerDutyDedupKey(opened.subjectKey)).toBe('possible-outage:po_1')
    expect(pagerDutyDedupKey('incident:inc_1')).toBe('inc_1')
    expect(pagerDutyEvent(settings, opened, 'trigger', 'possible-outage:po_1')).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'possible-outage:po_1',
      payload: { severity: 'warning', class: 'possible outage (unofficial)', summary: `GitHub: ${SENTENCE}` },
    })
    expect(pagerDutyAction(message('possible_outage_closed', 'subsided'))).toBe('resolve')
    expect(pagerDutyAction(message('possible_outage_closed', 'official_incident'))).toBe('resolve')
  })
})

describe('which kinds carry the close', () => {
  const facts = (closeReason: string) => ({ kind: 'possible_outage_closed' as const, possibleOutage: { closeReason, incidentId: null } })
  const kinds: ChannelKind[] = ['slack', 'discord', 'google_chat', 'teams', 'pagerduty', 'webhook']

  it('every kind carries the opening and a subsided close', () => {
    for (const kind of kinds) {
      expect(kindCarries(kind, { kind: 'possible_outage_opened', possibleOutage: { closeReason: null, incidentId: null } })).toBe(true)
      expect(kindCarries(kind, facts('subsided'))).toBe(true)
    }
  })

  it('a close by the official incident goes to the kinds that edit, thread or resolve; not to Teams (a separate card)', () => {
    expect(kinds.filter((k) => kindCarries(k, facts('official_incident')))).toEqual(['slack', 'discord', 'google_chat', 'pagerduty', 'webhook'])
  })

  it('a chat close is skipped where the opening was never posted; Teams (which keeps no thread), webhooks and PagerDuty send it anyway', () => {
    const closed = message('possible_outage_closed', 'subsided')
    expect(kinds.filter((k) => skipWithoutThread(k, closed))).toEqual(['slack', 'discord', 'google_chat'])
    expect(skipWithoutThread('slack', message('possible_outage_opened'))).toBe(false)
  })
})
