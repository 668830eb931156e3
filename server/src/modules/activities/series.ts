import { loadActor } from '../../platform/auth/auth.repository.ts'
import type { Db } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { SYSTEM_ACTOR } from '../../platform/permissions/actor.ts'
import { extendActivitySeries } from './activities.service.ts'
import { SERIES_HORIZON_DAYS } from './series-window.ts'
import { extendTaskSeries } from './tasks.service.ts'

export const SERIES_JOB = 'activities.extend_series'

/** Daily: every active series gets its occurrences up to the horizon. */
export async function extendAllSeries(db: Db): Promise<number> {
  const cutoff = new Date(Date.now() + (SERIES_HORIZON_DAYS - 1) * 86_400_000).toISOString()
  const due = await db
    .selectFrom('recurrences')
    .select(['id', 'kind', 'created_by'])
    .where('is_active', '=', 1)
    .where('generated_until', '<', cutoff)
    .limit(1000)
    .execute()
  let n = 0
  for (const s of due) {
    const actor = (s.created_by !== null ? await loadActor(db, s.created_by) : undefined) ?? SYSTEM_ACTOR
    const source = { actor, source: 'job' }
    await inTransaction(db, async ({ tx }) => {
      n += (
        s.kind === 'task'
          ? await extendTaskSeries(tx, source, s.id)
          : await extendActivitySeries(tx, source, s.id)
      ).length
    })
  }
  return n
}
