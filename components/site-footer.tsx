export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 py-6 text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        Vendorwatch reads each vendor&apos;s own public status page. Statuses are theirs; we show when we last checked.
      </div>
    </footer>
  )
}
