/** A vendor's stored icon, served from our own origin; a neutral monogram when we have none. */
export function VendorLogo({ vendor, size = 'md' }: { vendor: { slug: string; name: string; logo?: { sha256: string | null } | null }; size?: 'md' | 'lg' }) {
  const box = size === 'lg' ? 'h-10 w-10 text-base' : 'h-7 w-7 text-xs'
  const sha = vendor.logo?.sha256
  if (sha) {
    // A plain <img>: the image is ours and tiny; next/image would add a resizing round trip.
    return (
      <img
        src={`/vendors/${vendor.slug}/logo?v=${sha.slice(0, 12)}`}
        alt=""
        width={40}
        height={40}
        loading="lazy"
        className={`${box} shrink-0 rounded bg-white object-contain p-0.5 ring-1 ring-slate-200 dark:ring-slate-700`}
        data-testid="vendor-logo"
      />
    )
  }
  return (
    <span
      aria-hidden="true"
      className={`${box} inline-flex shrink-0 items-center justify-center rounded bg-slate-100 font-semibold text-slate-600 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-700`}
      data-testid="vendor-monogram"
    >
      {monogram(vendor.name)}
    </span>
  )
}

/** One or two letters: the initials of the first two words, or the first letter. */
export function monogram(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? []
  const letters = words.length >= 2 ? `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}` : (words[0]?.[0] ?? '?')
  return letters.toUpperCase()
}
