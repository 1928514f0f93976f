import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-medium text-brand-600 dark:text-brand-400">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">The vendor or page you asked for is not in our catalog.</p>
      <Link href="/vendors" className="mt-6 inline-block font-medium text-brand-600 hover:underline dark:text-brand-400">
        Search the vendor directory →
      </Link>
    </div>
  )
}
