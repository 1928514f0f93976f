import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { LocalTime } from '@/components/time/local-time'
import { ImpactBadge } from '@/components/vendors/impact-badge'
import { INCIDENT_STATUS_LABEL, incidentStateLabel } from '@/components/vendors/incident-meta'
import { UpstreamText } from '@/components/vendors/upstream-text'
import { UpdateTime } from '@/components/vendors/update-time'
import { findIncident } from '@/lib/data/vendor-history'
import { formatElapsed } from '@/lib/format/date-time'
import { isIncidentOverStatus } from '@/lib/status/lifecycle'

// Shared cache like the vendor page (see there): nothing here depends on who asks.
export const revalidate = 60
export async function generateStaticParams() {
  return []
}

type Params = Promise<{ slug: string; id: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, id } = await params
  const incident = await findIncident(slug, id)
  if (!incident) return { title: 'Incident not found' }
  return {
    title: `${incident.title} · ${incident.vendor.name} incident`,
    description: `${incident.vendor.name} incident: ${incident.title}. Every update, the affected components${incident.postmortemBody ? ' and the postmortem' : ''}.`,
    alternates: { canonical: `/vendors/${slug}/incidents/${id}` },
  }
}

export default async function IncidentPage({ params }: { params: Params }) {
  const { slug, id } = await params
  const incident = await findIncident(slug, id)
  if (!incident) notFound()
  const now = new Date()
  const over = isIncidentOverStatus(incident.status)
  const end = incident.resolvedAt ?? (over ? null : now)
  const updates = [...incident.updates].reverse() // newest first, as people read an incident

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <div className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
          <Link href="/vendors" className="hover:underline">
            Vendors
          </Link>{' '}
          /{' '}
          <Link href={`/vendors/${slug}`} className="hover:underline">
            {incident.vendor.name}
          </Link>{' '}
          / <span aria-current="page">Incident</span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{incident.title}</h1>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Status</dt>
            <dd className="font-medium">{incidentStateLabel(incident.status)}</dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Impact</dt>
            <dd>
              <ImpactBadge impact={incident.impact} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Started</dt>
            <dd>
              <LocalTime iso={incident.startedAt.toISOString()} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">{incident.resolvedAt ? 'Resolved' : 'Duration'}</dt>
            <dd>
              {incident.resolvedAt ? (
                <>
                  <LocalTime iso={incident.resolvedAt.toISOString()} /> · lasted {formatElapsed(incident.resolvedAt.getTime() - incident.startedAt.getTime())}
                </>
              ) : end ? (
                `ongoing, ${formatElapsed(end.getTime() - incident.startedAt.getTime())} so far`
              ) : (
                'over (end time not published)'
              )}
            </dd>
          </div>
          {incident.components.length > 0 && (
            <div className="sm:col-span-2">
              <dt className="text-slate-500 dark:text-slate-400">Affected components</dt>
              <dd>{incident.components.map((c) => c.component.name).join(', ')}</dd>
            </div>
          )}
        </dl>
        {incident.url && (
          <a href={incident.url} rel="noopener noreferrer nofollow" target="_blank" className="inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-400">
            This incident on {incident.vendor.name}&apos;s status page ↗
          </a>
        )}
      </div>

      {incident.postmortemBody && (
        <section aria-labelledby="postmortem-heading" className="rounded-lg border border-brand-100 bg-white p-5 dark:border-brand-700/40 dark:bg-slate-900">
          <h2 id="postmortem-heading" className="text-lg font-semibold">
            Postmortem
          </h2>
          {incident.postmortemPublishedAt && (
            <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
              Published <LocalTime iso={incident.postmortemPublishedAt.toISOString()} />
            </p>
          )}
          <UpstreamText body={incident.postmortemBody} className="mt-3" />
        </section>
      )}

      <section aria-labelledby="updates-heading" className="space-y-4">
        <h2 id="updates-heading" className="text-lg font-semibold">
          Updates ({updates.length})
        </h2>
        <ol className="relative space-y-6 border-l-2 border-slate-200 pl-5 dark:border-slate-800">
          {updates.map((u) => (
            <li key={u.id} className="relative">
              <span aria-hidden="true" className="absolute -left-[27px] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-slate-400 dark:border-slate-950" />
              <p className="text-sm">
                <span className="font-semibold">{INCIDENT_STATUS_LABEL[u.status]}</span>
                <span className="text-slate-500 dark:text-slate-400">
                  {' '}
                  · <UpdateTime publishedAt={u.publishedAt} timeUnknown={u.timeUnknown} />
                  {u.editedAt && ' · edited'}
                </span>
              </p>
              <UpstreamText body={u.body} className="mt-1" />
            </li>
          ))}
        </ol>
      </section>
    </article>
  )
}
