// A stack page's feeds: its active incidents as Atom and ONE calendar of every watched vendor's
// upcoming maintenance (cut to each watch's components), plus its badge. Each reads the page's model.
import type { StackPageModel } from '@/lib/pages/stack-page'
import { upstreamPlainText } from '@/lib/format/upstream-text'
import { renderAtom } from './atom'
import { renderBadge } from './badge'
import { renderIcal } from './ical'

export function stackAtom(model: StackPageModel, appUrl: string): string {
  const pageUrl = new URL(model.path, appUrl).toString()
  const incidents = model.vendors.flatMap((v) =>
    v.incidents.map((i) => ({
      id: i.id,
      title: `${v.name}: ${upstreamPlainText(i.title)}`,
      status: i.status,
      impact: i.impact,
      startedAt: i.startedAt,
      url: new URL(`/vendors/${v.slug}/incidents/${i.id}`, appUrl).toString(),
      postmortemBody: null,
      updates: i.updates,
      updatedAt: i.updatedAt,
    })),
  )
  incidents.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
  return renderAtom({
    id: pageUrl,
    title: `${model.title} (Vendorwatch)`,
    selfUrl: `${pageUrl}/feed.atom`,
    pageUrl,
    updatedAt: incidents.reduce((d, i) => (i.updatedAt > d ? i.updatedAt : d), new Date(0)),
    incidents,
  })
}

export function stackCalendar(model: StackPageModel, appUrl: string, now: Date): string {
  return renderIcal({
    name: `${model.title}: maintenance (Vendorwatch)`,
    host: new URL(appUrl).hostname,
    now,
    maintenances: model.vendors
      .flatMap((v) =>
        v.maintenances.map((m) => ({
          id: m.id,
          title: `${v.name}: ${upstreamPlainText(m.title)}`,
          status: m.status,
          start: m.scheduledFor,
          end: m.scheduledUntil,
          description: m.body ? upstreamPlainText(m.body) : null,
          url: new URL(`/vendors/${v.slug}`, appUrl).toString(),
          updatedAt: m.updatedAt,
        })),
      )
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  })
}

export function stackBadge(model: StackPageModel): string {
  const unread = model.vendors.filter((v) => v.status === null).length
  const affected = model.vendors.filter((v) => v.status !== null && v.status !== 'operational').length
  const message =
    model.vendors.length === 0
      ? 'No vendors'
      : affected > 0
        ? `${affected} of ${model.vendors.length} with problems`
        : unread === model.vendors.length
          ? 'Not checked yet'
          : `All ${model.vendors.length - unread} operational${unread ? `, ${unread} unread` : ''}`
  return renderBadge({ label: model.title, status: model.overall, message })
}
