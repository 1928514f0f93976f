// An Atom 1.0 feed of one vendor's incidents: one entry per incident, updated whenever it gets a
// new update, with every update (sanitised HTML) as its content.
import { renderUpstreamText } from '@/lib/format/upstream-text'
import { xml } from './xml'

export interface AtomIncident {
  id: string
  title: string
  status: string
  impact: string
  startedAt: Date
  url: string
  updates: { status: string; body: string; publishedAt: Date; timeUnknown?: boolean }[]
  postmortemBody: string | null
}

export interface AtomFeed {
  id: string
  title: string
  selfUrl: string
  pageUrl: string
  updatedAt: Date
  incidents: AtomIncident[]
}

export function renderAtom(feed: AtomFeed): string {
  const entries = feed.incidents.map((i) => {
    const newest = i.updates.reduce((d, u) => (u.publishedAt > d ? u.publishedAt : d), i.startedAt)
    const body = [
      `<p><strong>Impact:</strong> ${xml(i.impact)} · <strong>Status:</strong> ${xml(i.status)}</p>`,
      ...(i.postmortemBody ? [`<h3>Postmortem</h3>${renderUpstreamText(i.postmortemBody)}`] : []),
      ...[...i.updates]
        .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
        .map((u) => `<p><strong>${xml(u.status)}</strong> (${u.timeUnknown ? 'time unknown' : u.publishedAt.toISOString()})</p>${renderUpstreamText(u.body)}`),
    ].join('\n')
    return [
      '  <entry>',
      `    <id>${xml(i.url)}</id>`,
      `    <title>${xml(i.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(i.url)}"/>`,
      `    <published>${i.startedAt.toISOString()}</published>`,
      `    <updated>${newest.toISOString()}</updated>`,
      `    <content type="html">${xml(body)}</content>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(feed.id)}</id>`,
    `  <title>${xml(feed.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(feed.pageUrl)}"/>`,
    `  <updated>${feed.updatedAt.toISOString()}</updated>`,
    '  <author><name>Vendorwatch</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
