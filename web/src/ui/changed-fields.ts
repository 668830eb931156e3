function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * The fields of `next` that differ from `current`: an update sends only what the employee changed, so
 * it never writes back values someone else may have changed meanwhile.
 */
export function changedFields<T extends object>(current: { [K in keyof T]?: unknown }, next: T): Partial<T> {
  const patch: Partial<T> = {}
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] !== undefined && !same(next[key], current[key])) patch[key] = next[key]
  }
  return patch
}
