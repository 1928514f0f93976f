/** A status badge for READMEs and wikis: the badge, and the Markdown to paste. */
export function BadgeSnippet({ vendorName, vendorSlug, appUrl }: { vendorName: string; vendorSlug: string; appUrl: string }) {
  const page = new URL(`/vendors/${vendorSlug}`, appUrl).toString()
  const badge = `${page}/badge.svg`
  // Markdown link text cannot hold ] or [ unescaped.
  const markdown = `[![${vendorName.replace(/[[\]\\]/g, '\\$&')} status](${badge})](${page})`
  return (
    <section aria-labelledby="badge-heading" className="space-y-2">
      <h2 id="badge-heading" className="text-lg font-semibold">
        Status badge
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">Show {vendorName}&apos;s status in a README or wiki. It updates by itself.</p>
      <img src={`/vendors/${vendorSlug}/badge.svg`} alt={`${vendorName} status badge`} height={20} />
      <label htmlFor="badge-markdown" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        Markdown
      </label>
      <textarea
        id="badge-markdown"
        readOnly
        rows={2}
        value={markdown}
        className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      />
    </section>
  )
}
