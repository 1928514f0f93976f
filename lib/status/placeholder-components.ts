// Statuspage pages may carry a pseudo-component that is only a pointer, e.g. GitHub's
// "Visit www.githubstatus.com for more information": it has a status (always operational) but
// names no service. Ingest stores what the page lists (and is not the place to judge it); the
// data layer's component readers (lib/data/vendor-status.ts, watch-preferences.ts) filter it out
// with this rule, so no page, API answer or alert setting lists it or lets anyone subscribe to it.

/** "Visit <somewhere> for more information", with or without a final full stop. */
const POINTER = /^visit\s+\S+\s+for\s+more\s+info(?:rmation)?\.?$/i

export function isPlaceholderComponent(component: { name: string }): boolean {
  return POINTER.test(component.name.trim())
}

/** The components worth showing: the same list without the pointers. */
export function realComponents<T extends { name: string }>(components: readonly T[]): T[] {
  return components.filter((c) => !isPlaceholderComponent(c))
}
