// Field comparison helpers shared by the per-area diffs.

/** Copies `next[key]` into `changes` when it differs from `current[key]` (Dates by instant). */
export function collectChanges<T extends object>(current: T, next: Partial<T>, keys: (keyof T)[]): Partial<T> {
  const changes: Partial<T> = {}
  for (const key of keys) {
    const a = current[key]
    const b = next[key]
    if (b === undefined) continue
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b
    if (!same) changes[key] = b
  }
  return changes
}

export const sameMembers = (a: string[], b: string[]): boolean => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')
