import type { Db, Tx } from './database.ts'

/** A unit of work: one database transaction plus side effects that run only after it commits. */
export interface UnitOfWork {
  tx: Tx
  onCommit(fn: () => void | Promise<void>): void
}

export async function inTransaction<T>(db: Db, fn: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const after: Array<() => void | Promise<void>> = []
  const result = await db.transaction().execute((tx) => fn({ tx, onCommit: (cb) => after.push(cb) }))
  for (const cb of after) {
    try {
      await cb()
    } catch {
      // After-commit effects are best-effort wake-ups; durable work goes through the jobs table.
    }
  }
  return result
}

export function nowIso(): string {
  return new Date().toISOString()
}
