import Link from 'next/link'
import { notFound } from 'next/navigation'
import { listDevMail } from '@/lib/email/dev-mail'

export const dynamic = 'force-dynamic'

/** One logged message: its headers, its HTML (in a sandboxed frame: no scripts) and its text. */
export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const message = listDevMail()?.find((m) => m.id === id)
  if (!message) notFound()
  return (
    <div className="space-y-4">
      <Link href="/dev/mail" className="text-sm text-brand-600 hover:underline dark:text-brand-400">
        ← All mail
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">{message.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {Object.entries({ From: message.from, To: message.to, ...(message.headers ?? {}) }).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
            <dd className="break-all font-mono text-xs">{v}</dd>
          </div>
        ))}
      </dl>
      <iframe title="HTML part" sandbox="" srcDoc={message.html} className="h-[36rem] w-full rounded border border-slate-200 bg-white dark:border-slate-800" />
      <pre className="whitespace-pre-wrap rounded border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">{message.text}</pre>
    </div>
  )
}
