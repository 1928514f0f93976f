// What each chat service shows for one incident: the Block Kit, the Discord embed, the Google Chat
// text and the Teams Adaptive Card, rendered from the same ChannelMessage.
import { describe, expect, it } from 'vitest'
import { incidentMessage } from '@/lib/testing/channel-messages'
import { discordPayload } from './discord'
import { googleChatPayload, googleChatThreadKey, googleChatUrl } from './google-chat'
import { clip, COLOURS } from './message-parts'
import { slackBlocks, slackEscape, slackFallbackText, slackReply } from './slack-blocks'
import { teamsCard } from './teams'

const text = (value: unknown) => JSON.stringify(value)

describe('Slack Block Kit', () => {
  it('shows vendor, linked title, impact, status, components, latest update and times', () => {
    const blocks = slackBlocks(incidentMessage('opened'))
    const all = text(blocks)
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'GitHub' } })
    expect(all).toContain('<https://vendorwatch.example/vendors/github/incidents/inc_123|Degraded performance for Actions>')
    expect(all).toContain('*Impact*\\nMajor')
    expect(all).toContain('Investigating')
    expect(all).toContain('*Affected*\\nActions, Webhooks')
    expect(all).toContain('We are investigating elevated error rates for Actions.')
    // Started at 2026-03-02 14:05 UTC, localised by Slack with the UTC text as fallback.
    expect(all).toContain('<!date^1772460300^{date_short_pretty} {time}|2026-03-02 14:05 UTC>')
  })

  it('escapes the vendor\'s words so they cannot mention or link', () => {
    const message = incidentMessage('updated', { latestUpdate: { body: 'ping <!channel> and <https://evil.example|click>', statusLabel: 'Identified', publishedAt: new Date('2026-03-02T14:25:00Z') } })
    const all = text(slackBlocks(message))
    expect(all).not.toContain('<!channel>')
    expect(all).toContain('&lt;!channel&gt;')
    expect(slackEscape('a & b <c>')).toBe('a &amp; b &lt;c&gt;')
  })

  it('reads as resolved once the incident is over, with its resolution time', () => {
    const message = incidentMessage('resolved')
    const all = text(slackBlocks(message))
    expect(all).toContain(':white_check_mark: Resolved')
    expect(all).toContain('*Resolved*\\n<!date^1772463600^')
    expect(slackFallbackText(message)).toBe('Resolved: GitHub — Degraded performance for Actions (Resolved)')
  })

  it('replies in the thread with the new update', () => {
    const reply = slackReply(incidentMessage('updated'))
    expect(text(reply.blocks)).toContain('Identified: We have identified the cause &amp; are rolling out a fix &lt;soon&gt;.')
    expect(reply.text).toContain('GitHub — Degraded performance for Actions: Identified')
  })

  it('keeps within Slack\'s field limits for hostile lengths', () => {
    const message = incidentMessage('opened', { vendor: { name: 'V'.repeat(400), slug: 'v', url: 'https://x.example' }, latestUpdate: { body: 'x'.repeat(10_000), statusLabel: 'Investigating', publishedAt: new Date('2026-03-02T14:05:00Z') } })
    const blocks = slackBlocks(message)
    expect((blocks[0] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(150)
    for (const block of blocks) if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000)
  })

  it('marks a test message and drops maintenance impact', () => {
    const test = slackBlocks(incidentMessage('opened', { test: true }))
    expect(test[0]).toMatchObject({ text: { text: '[Test] GitHub' } })
    const maintenance = text(slackBlocks(incidentMessage('opened', { subjectKey: 'maintenance:m1', statusLabel: 'Scheduled' })))
    expect(maintenance).not.toContain('*Impact*')
    expect(maintenance).toContain(':wrench:')
  })
})

describe('Discord embed', () => {
  it('colours by impact, green when resolved, and switches mentions off', () => {
    const opened = discordPayload(incidentMessage('opened')) as { embeds: { color: number; title: string; url: string; fields: { name: string; value: string }[]; description: string }[]; allowed_mentions: unknown }
    expect(opened.embeds[0]?.color).toBe(COLOURS.major)
    expect(opened.embeds[0]?.title).toBe('Degraded performance for Actions')
    expect(opened.embeds[0]?.url).toBe('https://vendorwatch.example/vendors/github/incidents/inc_123')
    expect(opened.embeds[0]?.fields).toEqual(expect.arrayContaining([{ name: 'Impact', value: 'Major', inline: true }, { name: 'Started', value: '<t:1772460300:f>', inline: true }, { name: 'Affected', value: 'Actions, Webhooks', inline: false }]))
    expect(opened.allowed_mentions).toEqual({ parse: [] })
    const critical = discordPayload(incidentMessage('opened', { impact: 'critical' })) as { embeds: { color: number }[] }
    expect(critical.embeds[0]?.color).toBe(COLOURS.critical)
    const resolved = discordPayload(incidentMessage('resolved')) as { embeds: { color: number; description: string }[] }
    expect(resolved.embeds[0]?.color).toBe(COLOURS.closed)
    expect(resolved.embeds[0]?.description).toBe('**Resolved**: This incident has been resolved.')
  })

  it('stays within the embed limits', () => {
    const payload = discordPayload(incidentMessage('opened', { title: 't'.repeat(1000), latestUpdate: { body: 'b'.repeat(9000), statusLabel: 'Investigating', publishedAt: new Date('2026-03-02T14:05:00Z') } })) as { embeds: { title: string; description: string }[] }
    expect(payload.embeds[0]?.title.length).toBe(256)
    expect(payload.embeds[0]?.description.length).toBe(4096)
  })
})

describe('Google Chat', () => {
  it('threads every message of one incident under one key, replying with fallback to a new thread', () => {
    const opened = googleChatPayload(incidentMessage('opened')) as { text: string; thread: { threadKey: string } }
    const resolved = googleChatPayload(incidentMessage('resolved')) as { thread: { threadKey: string } }
    expect(opened.thread.threadKey).toBe('vendorwatch-incident-inc_123')
    expect(resolved.thread.threadKey).toBe(opened.thread.threadKey)
    expect(googleChatThreadKey('incident:a/b c')).toBe('vendorwatch-incident-a-b-c')
    expect(new URL(googleChatUrl('https://chat.googleapis.com/v1/spaces/S/messages?key=k&token=t', false)).searchParams.get('messageReplyOption')).toBe('REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD')
    expect(opened.text).toContain('*<https://vendorwatch.example/vendors/github/incidents/inc_123|GitHub — Degraded performance for Actions>*')
    expect(opened.text).toContain('Investigating · Major')
    expect(opened.text).toContain('Started: 2026-03-02 14:05 UTC')
  })

  it('escapes angle brackets and sends a test unthreaded', () => {
    const updated = googleChatPayload(incidentMessage('updated')) as { text: string }
    expect(updated.text).toContain('&lt;soon&gt;')
    const test = googleChatPayload(incidentMessage('opened', { test: true }))
    expect(test.thread).toBeUndefined()
  })
})

describe('Teams Adaptive Card', () => {
  it('restates the incident on one card with its impact colour and links', () => {
    const card = teamsCard(incidentMessage('updated')) as { type: string; attachments: { contentType: string; content: { type: string; body: { type: string; text?: string; color?: string; facts?: { title: string; value: string }[] }[]; actions: { url: string }[] } }[] }
    expect(card.type).toBe('message')
    const content = card.attachments[0]?.content
    expect(card.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive')
    expect(content?.type).toBe('AdaptiveCard')
    expect(content?.body.find((b) => b.color)?.color).toBe('Attention')
    const facts = content?.body.find((b) => b.type === 'FactSet')?.facts
    expect(facts).toEqual(expect.arrayContaining([{ title: 'Impact', value: 'Major' }, { title: 'Affected', value: 'Actions, Webhooks' }, { title: 'Started', value: '{{DATE(2026-03-02T14:05:00Z, SHORT)}} {{TIME(2026-03-02T14:05:00Z)}}' }]))
    expect(content?.actions[0]?.url).toBe('https://vendorwatch.example/vendors/github/incidents/inc_123')
    const resolved = teamsCard(incidentMessage('resolved')) as typeof card
    expect(resolved.attachments[0]?.content.body.find((b) => b.color)?.color).toBe('Good')
  })

  it('does not let a vendor\'s words become links', () => {
    const card = teamsCard(incidentMessage('updated', { latestUpdate: { body: 'see [here](https://evil.example)', statusLabel: 'Identified', publishedAt: new Date('2026-03-02T14:25:00Z') } }))
    expect(text(card)).not.toContain('](https://evil.example)')
  })
})

describe('clip', () => {
  it('cuts on code points with an ellipsis', () => {
    expect(clip('abcdef', 4)).toBe('abc…')
    expect(clip('😀😀😀', 2)).toBe('😀…')
    expect(clip('abc', 3)).toBe('abc')
  })
})
