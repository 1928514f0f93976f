// Builds the email for each claimed delivery: subject naming vendor, incident and status, the
// vendor's latest words, times in the reader's zone, thread headers and one-click unsubscribe.
//
// Fan-out to thousands of watchers renders each template once per (event, time zone) and fills in
// the per-reader links afterwards: rendering is the expensive part, and readers differ in little else.
import { render } from '@react-email/render'
import { createElement, type ReactElement } from 'react'
import { DailyDigestEmail, type DailyDigestProps } from '@/components/emails/daily-digest'
import type { OutgoingMail } from './mailer'
import type { ComposeDigest } from './digest'
import { eventContent, formatInZone, type EventContext } from './event-content'
import type { ComposeData } from './ports'
import type { Compose, ComposeFailure } from './send'
import { threadHeaders } from './threading'
import { createUnsubscribeToken } from './unsubscribe-token'

/** Stands in for the reader's unsubscribe link while a template is rendered once for many readers. */
const UNSUBSCRIBE_PLACEHOLDER = 'https://unsubscribe.invalid/__vendorwatch__'

export interface ComposerOptions {
  appUrl: string
  secret: string
}

interface Rendered {
  subject: string
  html: string
  text: string
}

/**
 * Renderings kept across the batches of one composer (one notifier pass). A 10,000-watcher
 * incident is 100 batches of the same event in a handful of time zones: rendering each once
 * instead of once per batch saves ~1,500 React renders and the garbage they leave. Bounded, oldest
 * first out; every reader of an event in one pass gets the same text.
 */
const RENDER_CACHE_ENTRIES = 256

export function createComposer(data: ComposeData, options: ComposerOptions): Compose {
  const host = new URL(options.appUrl).hostname
  const rendered = new Map<string, Promise<Rendered | ComposeFailure | null>>()
  const events = eventsOnce(data)
  return async (deliveries) => {
    const [users, byId] = await Promise.all([data.alertContent.findAlertReaders(deliveries.map((d) => d.userId)), events(deliveries.map((d) => d.eventId))])
    const warned = await possibleOutageReaders(data, deliveries, byId)
    const out = new Map<string, OutgoingMail | ComposeFailure>()
    for (const d of deliveries) {
      const user = users.get(d.userId)
      const event = byId.get(d.eventId)
      if (!user || !event) continue
      const key = `${event.id}|${user.timeZone}`
      // One event whose text cannot be rendered fails its own deliveries, not the batch they share.
      if (!rendered.has(key)) {
        rendered.set(key, renderOnce(event, user.timeZone, options.appUrl).catch((e: unknown) => ({ failed: describe(e) })))
        if (rendered.size > RENDER_CACHE_ENTRIES) rendered.delete(rendered.keys().next().value as string)
      }
      const mail = await rendered.get(key)
      if (!mail) continue
      if ('failed' in mail) {
        out.set(d.id, mail)
        continue
      }
      const token = createUnsubscribeToken({ userId: user.id, vendorId: event.vendorId }, options.secret)
      const oneClick = `${options.appUrl}/api/unsubscribe?token=${token}`
      const page = `${options.appUrl}/unsubscribe?token=${token}`
      const thread = emailThread(event, user.id, warned)
      out.set(d.id, {
        to: user.email,
        subject: mail.subject,
        html: mail.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, page),
        text: mail.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, page),
        headers: {
          ...threadHeaders({ host, deliveryId: d.id, userId: user.id, thread }),
          // RFC 8058 one-click: mail clients POST to this URL without showing our page.
          'List-Unsubscribe': `<${oneClick}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      })
    }
    return out
  }
}

/**
 * The events of the composer's deliveries, each read once per composer (one notifier pass) like its
 * renderings above: the 100 batches of a 10,000-watcher incident read it once, not 100 times (each
 * read is the event with its vendor, incident, updates and components, a nested query Prisma's
 * query compiler builds and interprets anew). Bounded like the renderings; readers are read per batch.
 */
function eventsOnce(data: ComposeData): (ids: string[]) => Promise<Map<string, EventContext>> {
  const known = new Map<string, EventContext>()
  return async (ids) => {
    const wanted = [...new Set(ids)]
    const missing = wanted.filter((id) => !known.has(id))
    if (missing.length) {
      for (const [id, event] of await data.alertContent.findAlertEvents(missing)) known.set(id, event)
      while (known.size > RENDER_CACHE_ENTRIES) known.delete(known.keys().next().value as string)
    }
    return new Map(wanted.flatMap((id) => (known.has(id) ? [[id, known.get(id) as EventContext] as const] : [])))
  }
}

/** The conversation an event's email belongs to (threading.ts); a possible outage's events may name an incident too. */
function emailThread(event: EventContext, userId: string, warned: Set<string>): Parameters<typeof threadHeaders>[0]['thread'] {
  if (event.possibleOutageId && (event.kind === 'possible_outage_opened' || event.kind === 'possible_outage_closed')) {
    return { kind: 'possible-outage', id: event.possibleOutageId, isFirst: event.kind === 'possible_outage_opened' }
  }
  if (event.incidentId) {
    // The possible outage this incident confirmed, when this reader was emailed about it: continue that conversation.
    const earlier = event.incident?.possibleOutages?.[0]?.id
    const follows = earlier && warned.has(`${userId} ${earlier}`) ? { kind: 'possible-outage' as const, id: earlier } : null
    return { kind: 'incident', id: event.incidentId, isFirst: event.kind === 'incident_opened', follows }
  }
  if (event.maintenanceId) return { kind: 'maintenance', id: event.maintenanceId, isFirst: event.kind === 'maintenance_scheduled' }
  return null
}

/** Which readers of these deliveries were emailed the opening of the possible outage their incident confirmed. */
async function possibleOutageReaders(data: ComposeData, deliveries: { userId: string; eventId: string }[], events: Map<string, EventContext>): Promise<Set<string>> {
  const pairs = deliveries.flatMap((d) => {
    const possibleOutageId = events.get(d.eventId)?.incident?.possibleOutages?.[0]?.id
    return possibleOutageId ? [{ userId: d.userId, possibleOutageId }] : []
  })
  return pairs.length ? data.alertContent.findPossibleOutageReaders(pairs) : new Set()
}

/** An error as one line for the delivery's lastError (stack overflows carry a multi-line hint). */
function describe(e: unknown): string {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  return message.split('\n')[0] as string
}

async function renderOnce(event: EventContext, timeZone: string, appUrl: string): Promise<Rendered | null> {
  const content = eventContent(event, { timeZone, appUrl, unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER })
  if (!content) return null
  const element: ReactElement = content.element
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { subject: content.subject, html, text }
}

/** The daily digest of one reader: every event waiting for them, grouped by vendor. */
export function createDigestComposer(data: ComposeData, options: ComposerOptions): ComposeDigest {
  const host = new URL(options.appUrl).hostname
  return async (digest, deliveries) => {
    const [users, events] = await Promise.all([data.alertContent.findAlertReaders([digest.userId]), data.alertContent.findAlertEvents(deliveries.map((d) => d.eventId))])
    const user = users.get(digest.userId)
    if (!user) return null
    const byVendor = new Map<string, DailyDigestProps['vendors'][number]>()
    const ordered = [...events.values()].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
    for (const event of ordered) {
      let summary: string
      try {
        const content = eventContent(event, { timeZone: user.timeZone, appUrl: options.appUrl, unsubscribeUrl: '' })
        if (!content) continue
        summary = content.subject.replace(`${event.vendor.name} — `, '')
      } catch {
        // One event that cannot be put into words must not hold back the reader's whole digest.
        summary = event.incident ? `Incident: ${event.incident.title}` : 'An update (see the vendor page)'
      }
      const entry = {
        at: formatInZone(event.occurredAt, user.timeZone),
        summary,
        url: event.incident ? `${options.appUrl}/vendors/${event.vendor.slug}/incidents/${event.incident.id}` : `${options.appUrl}/vendors/${event.vendor.slug}`,
      }
      const group = byVendor.get(event.vendorId) ?? { name: event.vendor.name, entries: [] }
      group.entries.push(entry)
      byVendor.set(event.vendorId, group)
    }
    if (!byVendor.size) return null
    const date = new Intl.DateTimeFormat('en', { weekday: 'long', month: 'long', day: 'numeric', timeZone: user.timeZone }).format(new Date(`${digest.localDate}T12:00:00Z`))
    const element = createElement(DailyDigestEmail, { date, vendors: [...byVendor.values()], settingsUrl: `${options.appUrl}/dashboard` })
    const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
    const token = createUnsubscribeToken({ userId: user.id, vendorId: null }, options.secret)
    const count = [...byVendor.values()].reduce((n, v) => n + v.entries.length, 0)
    return {
      to: user.email,
      subject: `Vendorwatch daily digest, ${date}: ${count} ${count === 1 ? 'update' : 'updates'}`,
      html,
      text,
      headers: {
        'Message-ID': `<digest-${digest.id}@${host}>`,
        'List-Unsubscribe': `<${options.appUrl}/api/unsubscribe?token=${token}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    }
  }
}
