import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction, nowIso } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { assertVersion } from '../../platform/http/etag.ts'
import type { JobQueue } from '../../platform/jobs/job-queue.ts'
import * as repo from './classifiers.repository.ts'
import type { ClassifierDto, NodeDto, Rule } from './classifiers.schemas.ts'
import { RULES_JOB, validateRule } from './rules.ts'

export async function listClassifiers(db: Db): Promise<ClassifierDto[]> {
  const [classifiers, nodes] = await Promise.all([repo.findClassifierRows(db), repo.findNodeRows(db)])
  return classifiers.map((c) => repo.classifierDto(c, nodes))
}

export async function getClassifier(db: Db, id: number): Promise<ClassifierDto> {
  const c = await repo.findClassifierRow(db, id)
  if (!c) throw AppError.notFound()
  return repo.classifierDto(c, await repo.findNodeRows(db, id))
}

async function loadNode(db: Db, classifierId: number, nodeId: number): Promise<repo.NodeRow> {
  const n = await repo.findNodeRow(db, nodeId)
  if (!n || n.classifier_id !== classifierId) throw AppError.notFound()
  return n
}

export async function createClassifier(
  db: Db,
  source: AuditSource,
  input: { name: { ru: string; en: string }; description: string; multiple: boolean; required: boolean },
): Promise<ClassifierDto> {
  const id = await inTransaction(db, async ({ tx }) => {
    const now = nowIso()
    const last = await tx
      .selectFrom('classifiers')
      .select((eb) => eb.fn.max('position').as('p'))
      .executeTakeFirst()
    const row = await tx
      .insertInto('classifiers')
      .values({
        name_ru: input.name.ru,
        name_en: input.name.en,
        description: input.description,
        multiple: input.multiple ? 1 : 0,
        required: input.required ? 1 : 0,
        position: Number(last?.p ?? -1) + 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'classifier',
      entityId: row.id,
      after: { name: input.name.ru, multiple: input.multiple, required: input.required },
    })
    return row.id
  })
  return getClassifier(db, id)
}

export async function updateClassifier(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
  patch: {
    name?: { ru: string; en: string }
    description?: string
    multiple?: boolean
    required?: boolean
    position?: number
  },
): Promise<ClassifierDto> {
  await inTransaction(db, async ({ tx }) => {
    const c = await repo.findClassifierRow(tx, id)
    if (!c) throw AppError.notFound()
    assertVersion(version, c.version)
    if (patch.multiple === false && c.multiple === 1) {
      // A classifier becomes exclusive only when no client sits in two of its nodes.
      const crowded = await tx
        .selectFrom('client_classifications')
        .select('client_id')
        .where('classifier_id', '=', id)
        .groupBy('client_id')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .limit(1)
        .executeTakeFirst()
      if (crowded) throw AppError.field('multiple', 'classifiers.still_multiple')
    }
    const after = {
      name_ru: patch.name?.ru ?? c.name_ru,
      name_en: patch.name?.en ?? c.name_en,
      description: patch.description ?? c.description,
      multiple: patch.multiple === undefined ? c.multiple : patch.multiple ? 1 : 0,
      required: patch.required === undefined ? c.required : patch.required ? 1 : 0,
      position: patch.position ?? c.position,
    } as const
    await tx
      .updateTable('classifiers')
      .set({ ...after, version: c.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .execute()
    if (patch.position !== undefined) {
      // A place among the classifiers: the others close up around it (the panel and columns follow this order).
      const others = (await repo.findClassifierRows(tx)).filter((x) => x.id !== id)
      const place = Math.min(patch.position, others.length)
      const order = [...others.slice(0, place).map((x) => x.id), id, ...others.slice(place).map((x) => x.id)]
      for (const [i, cid] of order.entries())
        await tx.updateTable('classifiers').set({ position: i }).where('id', '=', cid).execute()
    }
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'classifier',
      entityId: id,
      before: {
        name_ru: c.name_ru,
        name_en: c.name_en,
        description: c.description,
        multiple: c.multiple,
        required: c.required,
        position: c.position,
      },
      after,
    })
  })
  return getClassifier(db, id)
}

/** Deletes a classifier with its nodes; its clients leave it (kept in their classification history). */
export async function deleteClassifier(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const c = await repo.findClassifierRow(tx, id)
    if (!c) throw AppError.notFound()
    assertVersion(version, c.version)
    await exitAll(tx, source, { classifierId: id })
    await tx.deleteFrom('client_classifications').where('classifier_id', '=', id).execute()
    await tx
      .updateTable('classifier_nodes')
      .set({ parent_id: null })
      .where('classifier_id', '=', id)
      .execute()
    await tx.deleteFrom('classifier_nodes').where('classifier_id', '=', id).execute()
    await tx.deleteFrom('classifiers').where('id', '=', id).execute()
    await recordAudit(tx, source, {
      action: 'delete',
      entityType: 'classifier',
      entityId: id,
      before: { name: c.name_ru },
    })
  })
}

/** Writes an `exit` history entry for every membership of the classifier or of the given nodes. */
async function exitAll(
  tx: Tx,
  source: AuditSource,
  where: { classifierId: number } | { nodeIds: number[] },
): Promise<void> {
  const at = nowIso()
  await tx
    .insertInto('classification_history')
    .columns(['client_id', 'classifier_id', 'node_id', 'action', 'at', 'actor_id', 'by_rule'])
    .expression((eb) => {
      let q = eb
        .selectFrom('client_classifications')
        .select((s) => [
          'client_id',
          'classifier_id',
          'node_id',
          s.val('exit').as('action'),
          s.val(at).as('at'),
          s.val(source.actor.userId).as('actor_id'),
          'by_rule',
        ])
      q =
        'classifierId' in where
          ? q.where('classifier_id', '=', where.classifierId)
          : q.where('node_id', 'in', where.nodeIds)
      return q
    })
    .execute()
}

export async function createNode(
  db: Db,
  jobs: JobQueue,
  source: AuditSource,
  classifierId: number,
  input: {
    parentId: number | null
    name: { ru: string; en: string }
    color: string
    position?: number
    rule: Rule | null
  },
): Promise<NodeDto> {
  if (input.rule) await validateRule(db, input.rule)
  const id = await inTransaction(db, async ({ tx }) => {
    const c = await repo.findClassifierRow(tx, classifierId)
    if (!c) throw AppError.notFound()
    if (input.parentId !== null) {
      const parent = await repo.findNodeRow(tx, input.parentId)
      if (!parent || parent.classifier_id !== classifierId)
        throw AppError.field('parentId', 'classifiers.parent_not_found')
    }
    const siblings = await tx
      .selectFrom('classifier_nodes')
      .select(['id', 'position'])
      .where('classifier_id', '=', classifierId)
      .where((eb) =>
        input.parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', input.parentId),
      )
      .orderBy('position')
      .execute()
    const position = Math.min(input.position ?? siblings.length, siblings.length)
    // Make room: siblings at or after the place move one down.
    for (const s of siblings.filter((s) => s.position >= position)) {
      await tx
        .updateTable('classifier_nodes')
        .set({ position: s.position + 1 })
        .where('id', '=', s.id)
        .execute()
    }
    const now = nowIso()
    const row = await tx
      .insertInto('classifier_nodes')
      .values({
        classifier_id: classifierId,
        parent_id: input.parentId,
        name_ru: input.name.ru,
        name_en: input.name.en,
        color: input.color,
        position,
        rank: 0,
        rule: input.rule ? JSON.stringify(input.rule) : null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await repo.renumber(tx, classifierId)
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'classifier_node',
      entityId: row.id,
      after: { classifier: c.name_ru, name: input.name.ru, parentId: input.parentId, rule: input.rule },
    })
    if (input.rule) await enqueueRuleRun(tx, jobs, [row.id])
    return row.id
  })
  return repo.nodeDto((await repo.findNodeRow(db, id))!)
}

async function enqueueRuleRun(tx: Tx, jobs: JobQueue, nodeIds: number[]): Promise<void> {
  await jobs.enqueue(tx, { type: RULES_JOB, payload: { nodeIds, afterId: 0 } })
}

export async function updateNode(
  db: Db,
  jobs: JobQueue,
  source: AuditSource,
  classifierId: number,
  nodeId: number,
  version: number,
  patch: { name?: { ru: string; en: string }; color?: string; rule?: Rule | null },
): Promise<NodeDto> {
  if (patch.rule) await validateRule(db, patch.rule)
  await inTransaction(db, async ({ tx }) => {
    const n = await loadNode(tx, classifierId, nodeId)
    assertVersion(version, n.version)
    const ruleText = patch.rule === undefined ? n.rule : patch.rule ? JSON.stringify(patch.rule) : null
    if (patch.rule !== undefined && n.rule === null && patch.rule !== null) {
      // A manual node becoming a rule node: its hand-made members are replaced by the rule's.
      await exitAll(tx, source, { nodeIds: [nodeId] })
      await tx.deleteFrom('client_classifications').where('node_id', '=', nodeId).execute()
    }
    if (patch.rule === null && n.rule !== null) {
      // A rule node becoming a manual node keeps its members, now as if placed by hand.
      await tx
        .updateTable('client_classifications')
        .set({ by_rule: 0 })
        .where('node_id', '=', nodeId)
        .execute()
    }
    const after = {
      name_ru: patch.name?.ru ?? n.name_ru,
      name_en: patch.name?.en ?? n.name_en,
      color: patch.color ?? n.color,
      rule: ruleText,
    }
    await tx
      .updateTable('classifier_nodes')
      .set({ ...after, version: n.version + 1, updated_at: nowIso() })
      .where('id', '=', nodeId)
      .execute()
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'classifier_node',
      entityId: nodeId,
      before: { name_ru: n.name_ru, name_en: n.name_en, color: n.color, rule: n.rule },
      after,
    })
    if (ruleText !== null && ruleText !== n.rule) await enqueueRuleRun(tx, jobs, [nodeId])
  })
  return repo.nodeDto((await repo.findNodeRow(db, nodeId))!)
}

/** Moves a node (with its subtree) under another parent of the same classifier, at a place among the siblings. */
export async function moveNode(
  db: Db,
  source: AuditSource,
  classifierId: number,
  nodeId: number,
  version: number,
  input: { parentId: number | null; position: number },
): Promise<NodeDto> {
  await inTransaction(db, async ({ tx }) => {
    const n = await loadNode(tx, classifierId, nodeId)
    assertVersion(version, n.version)
    const all = await repo.findNodeRows(tx, classifierId)
    if (input.parentId !== null) {
      if (!all.some((x) => x.id === input.parentId))
        throw AppError.field('parentId', 'classifiers.parent_not_found')
      if (repo.subtreeIds(all, nodeId).includes(input.parentId))
        throw AppError.field('parentId', 'classifiers.move_into_itself')
    }
    const siblings = all
      .filter((x) => x.parent_id === input.parentId && x.id !== nodeId)
      .sort((a, b) => a.position - b.position || a.id - b.id)
    const place = Math.min(input.position, siblings.length)
    const order = [
      ...siblings.slice(0, place).map((s) => s.id),
      nodeId,
      ...siblings.slice(place).map((s) => s.id),
    ]
    for (const [i, id] of order.entries()) {
      await tx
        .updateTable('classifier_nodes')
        .set(
          id === nodeId
            ? { position: i, parent_id: input.parentId, version: n.version + 1, updated_at: nowIso() }
            : { position: i },
        )
        .where('id', '=', id)
        .execute()
    }
    await repo.renumber(tx, classifierId)
    await recordAudit(tx, source, {
      action: 'move',
      entityType: 'classifier_node',
      entityId: nodeId,
      before: { parentId: n.parent_id, position: n.position },
      after: { parentId: input.parentId, position: place },
    })
  })
  return repo.nodeDto((await repo.findNodeRow(db, nodeId))!)
}

/**
 * Deletes a node with its subtree. Its clients go to `moveTo` (a manual node of the same classifier
 * outside the subtree) or leave the classifier; both are kept in their classification history.
 */
export async function deleteNode(
  db: Db,
  source: AuditSource,
  classifierId: number,
  nodeId: number,
  version: number,
  moveTo: number | undefined,
): Promise<{ moved: number; removed: number }> {
  return inTransaction(db, async ({ tx }) => {
    const n = await loadNode(tx, classifierId, nodeId)
    assertVersion(version, n.version)
    const all = await repo.findNodeRows(tx, classifierId)
    const subtree = repo.subtreeIds(all, nodeId)
    const at = nowIso()
    let moved = 0
    if (moveTo !== undefined) {
      const target = all.find((x) => x.id === moveTo)
      if (!target || subtree.includes(moveTo))
        throw AppError.field('moveTo', 'classifiers.move_target_invalid')
      if (target.rule !== null) throw AppError.field('moveTo', 'classifiers.rule_node_manual')
      const incoming = await tx
        .selectFrom('client_classifications as cc')
        .select('cc.client_id')
        .distinct()
        .where('cc.node_id', 'in', subtree)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('client_classifications as t')
                .select('t.client_id')
                .whereRef('t.client_id', '=', 'cc.client_id')
                .where('t.node_id', '=', moveTo),
            ),
          ),
        )
        .execute()
      for (let i = 0; i < incoming.length; i += 500) {
        const chunk = incoming.slice(i, i + 500)
        await tx
          .insertInto('client_classifications')
          .values(
            chunk.map((r) => ({
              client_id: r.client_id,
              node_id: moveTo,
              classifier_id: classifierId,
              by_rule: 0 as const,
              assigned_by: source.actor.userId,
              assigned_at: at,
            })),
          )
          .execute()
        await tx
          .insertInto('classification_history')
          .values(
            chunk.map((r) => ({
              client_id: r.client_id,
              classifier_id: classifierId,
              node_id: moveTo,
              action: 'enter' as const,
              at,
              actor_id: source.actor.userId,
              by_rule: 0 as const,
              operation_id: null,
            })),
          )
          .execute()
      }
      moved = incoming.length
    }
    await exitAll(tx, source, { nodeIds: subtree })
    const removed = await tx
      .deleteFrom('client_classifications')
      .where('node_id', 'in', subtree)
      .executeTakeFirst()
    await tx.updateTable('classifier_nodes').set({ parent_id: null }).where('id', 'in', subtree).execute()
    await tx.deleteFrom('classifier_nodes').where('id', 'in', subtree).execute()
    await repo.renumber(tx, classifierId)
    await recordAudit(tx, source, {
      action: 'delete',
      entityType: 'classifier_node',
      entityId: nodeId,
      before: { name: n.name_ru, subtree: subtree.length },
      after: moveTo !== undefined ? { clientsMovedTo: moveTo, moved } : null,
    })
    return { moved, removed: Number(removed.numDeletedRows) }
  })
}

/** A rule given by a caller as stored text or null (rule nodes only). */
export function parseRule(text: string | null): Rule | null {
  return text ? (JSON.parse(text) as Rule) : null
}
