import { renderUpstreamText } from '@/lib/format/upstream-text'

/** A vendor's own words (incident updates, postmortems), rendered readably and safely. */
export function UpstreamText({ body, className = '' }: { body: string; className?: string }) {
  // Safe: renderUpstreamText sanitises with an allow-list (no scripts, handlers or unsafe URLs).
  return <div className={`upstream-text ${className}`} dangerouslySetInnerHTML={{ __html: renderUpstreamText(body) }} />
}
