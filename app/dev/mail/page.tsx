import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { listDevMail } from '@/lib/email/dev-mail'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Outgoing mail (development)', robots: { index: false } }

/** Development only (EMAIL_TRANSPORT=log): every message the app would have sent, newest first. */
export default function DevMailPage() {
  const mail = listDevMail()
  if (!mail) notFound()
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Outgoing mail</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">Development only: with EMAIL_TRANSPORT=log nothing is sent; every message is kept here instead.</p>
      {mail.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {mail.map((m) => (
            <li key={m.id} className="px-4 py-3">
              <Link href={`/dev/mail/${m.id}`} className="font-medium hover:underline">
                {m.subject}
              </Link>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                to {m.to} · {new Date(m.sentAt).toUTCString()}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
