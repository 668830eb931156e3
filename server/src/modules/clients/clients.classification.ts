import type { AuditSource } from '../../platform/audit/audit.ts'
import { type Db, dialectOf } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { JobQueue } from '../../platform/jobs/job-queue.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { classifyClients, movements, setClientNodes } from '../classifiers/index.ts'
import { type OperationContext, type OperationStep, startOperation } from '../operations/index.ts'
import type { BulkResult } from './clients.actions.ts'
import { clientQueryParts } from './clients.list.ts'
import * as repo from './clients.repository.ts'
import type { ClientFilter } from './clients.schemas.ts'
import { loadClientFor } from './clients.service.ts'

export const CLASSIFY_OPERATION = 'clients.classify'
export const CLASSIFY_SYNC_LIMIT = 1000
const CLASSIFY_BATCH = 1000

/** Sets a client's hand-placed nodes in one classifier; the client's version guards concurrent edits. */
export async function setClientClassification(
  db: Db,
  source: AuditSource,
  clientId: number,
  version: number,
  classifierId: number,
  nodeIds: number[],
): Promise<{ version: number }> {
  return inTransaction(db, async ({ tx }) => {
    const row = await loadClientFor(tx, source.actor, clientId, 'clients.update')
    if (row.deleted_at) throw new AppError('conflict', { key: 'clients.in_trash' })
    if (row.version !== version) throw new AppError('precondition_failed')
    await setClientNodes(tx, source, clientId, classifierId, nodeIds)
    await tx
      .updateTable('clients')
      .set({
        version: row.version + 1,
        updated_at: new Date().toISOString(),
        updated_by: source.actor.userId,
      })
      .where('id', '=', clientId)
      .execute()
    return { version: row.version + 1 }
  })
}

/**
 * Puts clients (by ids, or every client under a list filter) into a node or takes them out. Up to
 * 1,000 clients change at once; a larger filtered set runs as an operation in batches.
 */
export async function classifyBulk(
  db: Db,
  jobs: JobQueue,
  source: AuditSource,
  input: { ids?: number[]; filter?: ClientFilter; nodeId: number; action: 'add' | 'remove' },
): Promise<BulkResult> {
  const actor = source.actor
  const parts = await clientQueryParts(db, dialectOf(db), input.filter ?? {}, '', 'sql')
  return inTransaction(db, async ({ tx }) => {
    const node = await tx
      .selectFrom('classifier_nodes')
      .select(['id', 'rule'])
      .where('id', '=', input.nodeId)
      .executeTakeFirst()
    if (!node) throw AppError.field('nodeId', 'classifiers.node_not_found')
    if (node.rule !== null) throw AppError.field('nodeId', 'classifiers.rule_node_manual')
    const matching = (afterId: number) =>
      tx
        .selectFrom('clients as c')
        .select('c.id')
        .where((eb) =>
          repo.clientFilterConditions(eb, actor, input.filter ?? {}, [
            ...parts.extra(eb),
            ...(input.ids ? [eb('c.id', 'in', input.ids.length ? input.ids : [-1])] : []),
            eb('c.id', '>', afterId),
          ]),
        )
        .orderBy('c.id')
    const rows = await matching(0)
      .limit(CLASSIFY_SYNC_LIMIT + 1)
      .execute()
    if (rows.length > CLASSIFY_SYNC_LIMIT) {
      if (input.ids) throw AppError.field('ids', 'clients.reassign_too_many', { limit: CLASSIFY_SYNC_LIMIT })
      const total = await repo.countClients(tx, actor, input.filter ?? {}, parts.extra)
      const operationId = await startOperation(tx, jobs, {
        type: CLASSIFY_OPERATION,
        actor,
        total,
        payload: { filter: input.filter ?? {}, nodeId: input.nodeId, action: input.action },
      })
      return { status: 'queued', changed: 0, total, operationId }
    }
    const changed = await classifyClients(
      tx,
      source,
      rows.map((r) => r.id),
      input.nodeId,
      input.action,
    )
    return { status: 'done', changed, total: rows.length, operationId: null }
  })
}

/** One batch of a background classification. */
export const classifyStep: OperationStep = async (
  tx,
  op: OperationContext<
    { filter: ClientFilter; nodeId: number; action: 'add' | 'remove' },
    { afterId: number }
  >,
) => {
  const parts = await clientQueryParts(tx, dialectOf(tx), op.payload.filter, '', 'sql')
  const rows = await tx
    .selectFrom('clients as c')
    .select('c.id')
    .where((eb) =>
      repo.clientFilterConditions(eb, op.source.actor, op.payload.filter, [
        ...parts.extra(eb),
        eb('c.id', '>', op.cursor?.afterId ?? 0),
      ]),
    )
    .orderBy('c.id')
    .limit(CLASSIFY_BATCH)
    .execute()
  const changed = await classifyClients(
    tx,
    op.source,
    rows.map((r) => r.id),
    op.payload.nodeId,
    op.payload.action,
    op.id,
  )
  return {
    processed: rows.length,
    counters: { changed },
    next: rows.length < CLASSIFY_BATCH ? null : { afterId: rows.at(-1)!.id },
  }
}

/** Movements between nodes of a classifier, over the clients the actor can see. */
export async function classifierMovements(
  db: Db,
  actor: Actor,
  classifierId: number,
  q: { from: string; to: string; fromNodeId?: number; toNodeId?: number; limit: number },
) {
  const exists = await db
    .selectFrom('classifiers')
    .select('id')
    .where('id', '=', classifierId)
    .executeTakeFirst()
  if (!exists) throw AppError.notFound()
  return movements(
    db,
    classifierId,
    q,
    { fromNodeId: q.fromNodeId, toNodeId: q.toNodeId },
    async (ids) => {
      const out = new Map<number, string>()
      for (let i = 0; i < ids.length; i += 1000) {
        const rows = await db
          .selectFrom('clients as c')
          .select(['c.id', 'c.name'])
          .where((eb) =>
            repo.clientFilterConditions(eb, actor, {}, [eb('c.id', 'in', ids.slice(i, i + 1000))]),
          )
          .execute()
        for (const r of rows) out.set(r.id, r.name)
      }
      return out
    },
    q.limit,
  )
}
