import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { JobQueue } from '../../platform/jobs/job-queue.ts'
import { setSetting } from '../../platform/settings.ts'
import { findCustomFields } from '../custom-fields/index.ts'
import { COMPLETENESS_STANDARD_FIELDS } from './clients.completeness.ts'
import { COMPLETENESS_SETTING, clientCard, importantFields } from './clients.service.ts'

export const RECOMPUTE_JOB = 'clients.recompute_completeness'

export async function getCompletenessSettings(db: Db) {
  const fields = await importantFields(db)
  const custom = await findCustomFields(db, 'client')
  return { ...fields, available: [...COMPLETENESS_STANDARD_FIELDS, ...custom.map((d) => `custom.${d.key}`)] }
}

/** Saves which fields make a dossier complete, and recomputes every client's indicator in the background. */
export async function setCompletenessSettings(
  db: Db,
  jobs: JobQueue,
  source: AuditSource,
  input: { organization: string[]; person: string[] },
) {
  const available = new Set((await getCompletenessSettings(db)).available)
  const problems: Record<string, { key: string; params?: Record<string, string> }> = {}
  for (const kind of ['organization', 'person'] as const) {
    input[kind].forEach((f, i) => {
      if (!available.has(f)) problems[`${kind}.${i}`] = { key: 'custom.unknown_field', params: { key: f } }
    })
  }
  if (Object.keys(problems).length) throw new AppError('validation', { fields: problems })
  const before = await importantFields(db)
  await inTransaction(db, async ({ tx }) => {
    const value = { organization: [...new Set(input.organization)], person: [...new Set(input.person)] }
    await setSetting(tx, COMPLETENESS_SETTING, value)
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'setting',
      entityId: 0,
      before: { completeness: before },
      after: { completeness: value },
    })
    await jobs.enqueue(tx, { type: RECOMPUTE_JOB, payload: { afterId: 0 }, dedupeKey: RECOMPUTE_JOB })
  })
  return getCompletenessSettings(db)
}

/** One batch of the recomputation; enqueues the next batch until every client is done. */
export async function recomputeCompletenessBatch(
  db: Db,
  jobs: JobQueue,
  afterId: number,
  batch = 500,
): Promise<void> {
  const rows = await db
    .selectFrom('clients')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(batch)
    .execute()
  for (const r of rows) {
    const card = await clientCard(db, r.id)
    await db.updateTable('clients').set({ completeness: card.completeness }).where('id', '=', r.id).execute()
  }
  if (rows.length === batch)
    await jobs.enqueue(db, { type: RECOMPUTE_JOB, payload: { afterId: rows.at(-1)!.id } })
}
