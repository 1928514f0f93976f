'use client'

import { usePathname } from 'next/navigation'
import { useEffect, useState } from 'react'

export interface Me {
  user: { email: string } | null
  /** Slugs of the vendors the user watches. */
  watching: string[]
}

const SIGNED_OUT: Me = { user: null, watching: [] }
let current: { path: string; me: Promise<Me> } | null = null
const listeners = new Set<(me: Me) => void>()

function load(path: string, force = false): Promise<Me> {
  // One request per page, shared by the header and every Watch button on it. A navigation asks
  // again: signing in or out ends in one, and the layout (with the header) is not re-rendered.
  if (!current || force || current.path !== path) {
    const me = fetch('/api/me', { cache: 'no-store', credentials: 'same-origin' })
      .then((r) => (r.ok ? (r.json() as Promise<Me>) : SIGNED_OUT))
      .catch(() => SIGNED_OUT)
    current = { path, me }
  }
  return current.me
}

/** The signed-in reader (undefined while loading). */
export function useMe(): Me | undefined {
  const pathname = usePathname()
  const [me, setMe] = useState<Me>()
  useEffect(() => {
    let live = true
    const update = (next: Me) => live && setMe(next)
    void load(pathname).then(update)
    listeners.add(update)
    return () => {
      live = false
      listeners.delete(update)
    }
  }, [pathname])
  return me
}

/** After a change (watch, unwatch), every component showing the reader's state catches up. */
export function refreshMe(): void {
  void load(current?.path ?? '', true).then((me) => listeners.forEach((l) => l(me)))
}
