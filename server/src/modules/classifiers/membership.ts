import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import { type Db, dialectOf, type Tx } from '../../platform/db/database.ts'
import { nowIso } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import { findCustomFields } from '../custom-fields/index.ts'
import * as repo from './classifiers.repository.ts'
import type { MembershipDto, Rule } from './classifiers.schemas.ts'
import { applyRules, describeRule } from './rules.ts'

/** A client's nodes in every classifier, with who placed them (or the rule, in words) and when. */
export async function clientClassification(
  db: Db,
  clientId: number,
  locale: Locale,
): Promise<MembershipDto[]> {
  const rows = await db
    .selectFrom('client_classifications as cc')
    .innerJoin('classifier_nodes as n', 'n.id', 'cc.node_id')
    .leftJoin('users as u', 'u.id', 'cc.assigned_by')
    .select([
      'cc.classifier_id',
      'cc.node_id',
      'cc.by_rule',
      'cc.assigned_at',
      'cc.assigned_by',
      'u.name as assigned_by_name',
      'n.rule',
      'n.rank',
    ])
    .where('cc.client_id', '=', clientId)
    .orderBy('cc.classifier_id')
    .orderBy('n.rank')
    .execute()
  const defs = rows.some((r) => r.by_rule === 1) ? await findCustomFields(db, 'client') : []
  return rows.map((r) => ({
    classifierId: r.classifier_id,
    nodeId: r.node_id,
    byRule: r.by_rule === 1,
    assignedAt: r.assigned_at,
    assignedBy: r.assigned_by !== null ? { id: r.assigned_by, name: r.assigned_by_name ?? '' } : null,
    why: r.by_rule === 1 && r.rule ? describeRule(JSON.parse(r.rule) as Rule, locale, defs) : [],
  }))
}

/**
 * Sets a client's hand-placed nodes in one classifier (rule nodes are the rules' business): exclusive
 * classifiers take one node, required ones cannot be emptied. History and audit record the change.
 */
export async function setClientNodes(
  tx: Tx,
  source: AuditSource,
  clientId: number,
  classifierId: number,
  nodeIds: number[],
): Promise<void> {
  const c = await repo.findClassifierRow(tx, classifierId)
  if (!c) throw AppError.notFound()
  const nodes = await repo.findNodeRows(tx, classifierId)
  const wanted = [...new Set(nodeIds)]
  for (const [i, id] of wanted.entries()) {
    const n = nodes.find((x) => x.id === id)
    if (!n) throw AppError.field(`nodeIds.${i}`, 'classifiers.node_not_found')
    if (n.rule !== null) throw AppError.field(`nodeIds.${i}`, 'classifiers.rule_node_manual')
  }
  const current = await tx
    .selectFrom('client_classifications')
    .select(['node_id', 'by_rule'])
    .where('client_id', '=', clientId)
    .where('classifier_id', '=', classifierId)
    .execute()
  const byRule = current.filter((r) => r.by_rule === 1).map((r) => r.node_id)
  const manual = current.filter((r) => r.by_rule === 0).map((r) => r.node_id)
  if (c.multiple === 0 && wanted.length + (wanted.length ? byRule.length : 0) > 1)
    throw AppError.field('nodeIds', 'classifiers.exclusive', { name: c.name_ru })
  if (c.required === 1 && wanted.length === 0 && byRule.length === 0)
    throw AppError.field('nodeIds', 'classifiers.required')
  const add = wanted.filter((id) => !manual.includes(id))
  const drop = manual.filter((id) => !wanted.includes(id))
  if (!add.length && !drop.length) return
  const at = nowIso()
  if (drop.length)
    await tx
      .deleteFrom('client_classifications')
      .where('client_id', '=', clientId)
      .where('node_id', 'in', drop)
      .execute()
  if (add.length)
    await tx
      .insertInto('client_classifications')
      .values(
        add.map((node) => ({
          client_id: clientId,
          node_id: node,
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
      [
        ...drop.map((node) => ({ action: 'exit' as const, node })),
        ...add.map((node) => ({ action: 'enter' as const, node })),
      ].map((e) => ({
        client_id: clientId,
        classifier_id: classifierId,
        node_id: e.node,
        action: e.action,
        at,
        actor_id: source.actor.userId,
        by_rule: 0 as const,
        operation_id: null,
      })),
    )
    .execute()
  const name = (id: number) => nodes.find((n) => n.id === id)?.name_ru ?? String(id)
  await recordAudit(tx, source, {
    action: 'classify',
    entityType: 'client',
    entityId: clientId,
    changes: { [`classifier:${classifierId}`]: { from: manual.map(name), to: wanted.map(name) } },
  })
}

/**
 * Puts clients into a node (`add`) or takes them out (`remove`), in bulk. In an exclusive classifier,
 * `add` replaces the clients' other hand-placed node. Returns how many clients changed.
 */
export async function classifyClients(
  tx: Tx,
  source: AuditSource,
  clientIds: number[],
  nodeId: number,
  action: 'add' | 'remove',
  operationId: number | null = null,
): Promise<number> {
  if (!clientIds.length) return 0
  const node = await repo.findNodeRow(tx, nodeId)
  if (!node) throw AppError.field('nodeId', 'classifiers.node_not_found')
  if (node.rule !== null) throw AppError.field('nodeId', 'classifiers.rule_node_manual')
  const c = (await repo.findClassifierRow(tx, node.classifier_id))!
  const current = await tx
    .selectFrom('client_classifications')
    .select(['client_id', 'node_id', 'by_rule'])
    .where('classifier_id', '=', c.id)
    .where('client_id', 'in', clientIds)
    .execute()
  const at = nowIso()
  const history: Array<{ client: number; node: number; action: 'enter' | 'exit' }> = []
  if (action === 'remove') {
    const members = current.filter((r) => r.node_id === nodeId && r.by_rule === 0).map((r) => r.client_id)
    if (c.required === 1) {
      const others = new Set(current.filter((r) => r.node_id !== nodeId).map((r) => r.client_id))
      const stranded = members.filter((id) => !others.has(id))
      if (stranded.length) throw AppError.field('nodeId', 'classifiers.required')
    }
    for (let i = 0; i < members.length; i += 500) {
      await tx
        .deleteFrom('client_classifications')
        .where('node_id', '=', nodeId)
        .where('client_id', 'in', members.slice(i, i + 500))
        .execute()
    }
    for (const id of members) history.push({ client: id, node: nodeId, action: 'exit' })
  } else {
    const already = new Set(current.filter((r) => r.node_id === nodeId).map((r) => r.client_id))
    const ruled = new Set(current.filter((r) => r.by_rule === 1).map((r) => r.client_id))
    const newcomers = clientIds.filter((id) => !already.has(id) && !(c.multiple === 0 && ruled.has(id)))
    if (c.multiple === 0) {
      const displaced = current.filter(
        (r) => r.by_rule === 0 && r.node_id !== nodeId && newcomers.includes(r.client_id),
      )
      for (const d of displaced) {
        await tx
          .deleteFrom('client_classifications')
          .where('client_id', '=', d.client_id)
          .where('node_id', '=', d.node_id)
          .execute()
        history.push({ client: d.client_id, node: d.node_id, action: 'exit' })
      }
    }
    for (let i = 0; i < newcomers.length; i += 500) {
      await tx
        .insertInto('client_classifications')
        .values(
          newcomers.slice(i, i + 500).map((id) => ({
            client_id: id,
            node_id: nodeId,
            classifier_id: c.id,
            by_rule: 0 as const,
            assigned_by: source.actor.userId,
            assigned_at: at,
          })),
        )
        .execute()
    }
    for (const id of newcomers) history.push({ client: id, node: nodeId, action: 'enter' })
  }
  for (let i = 0; i < history.length; i += 500) {
    await tx
      .insertInto('classification_history')
      .values(
        history.slice(i, i + 500).map((h) => ({
          client_id: h.client,
          classifier_id: c.id,
          node_id: h.node,
          action: h.action,
          at,
          actor_id: source.actor.userId,
          by_rule: 0 as const,
          operation_id: operationId,
        })),
      )
      .execute()
  }
  const changed = new Set(history.map((h) => h.client))
  for (const id of changed) {
    await recordAudit(tx, source, {
      action: 'classify',
      entityType: 'client',
      entityId: id,
      changes: { [`classifier:${c.id}`]: action === 'add' ? { to: node.name_ru } : { from: node.name_ru } },
    })
  }
  return changed.size
}

/** Merge: the other client's memberships come here (exclusive classifiers keep this client's node). */
export async function moveClassifications(
  tx: Tx,
  source: AuditSource,
  fromClientId: number,
  toClientId: number,
): Promise<void> {
  const [from, to] = await Promise.all(
    [fromClientId, toClientId].map((id) =>
      tx
        .selectFrom('client_classifications as cc')
        .innerJoin('classifiers as k', 'k.id', 'cc.classifier_id')
        .select(['cc.node_id', 'cc.classifier_id', 'cc.by_rule', 'k.multiple'])
        .where('cc.client_id', '=', id)
        .execute(),
    ),
  )
  const at = nowIso()
  for (const m of from!) {
    if (m.by_rule === 1) continue
    if (to!.some((t) => t.node_id === m.node_id)) continue
    if (m.multiple === 0 && to!.some((t) => t.classifier_id === m.classifier_id)) continue
    await tx
      .insertInto('client_classifications')
      .values({
        client_id: toClientId,
        node_id: m.node_id,
        classifier_id: m.classifier_id,
        by_rule: 0,
        assigned_by: source.actor.userId,
        assigned_at: at,
      })
      .execute()
    await tx
      .insertInto('classification_history')
      .values({
        client_id: toClientId,
        classifier_id: m.classifier_id,
        node_id: m.node_id,
        action: 'enter',
        at,
        actor_id: source.actor.userId,
        by_rule: 0,
        operation_id: null,
      })
      .execute()
  }
}

/** Re-applies rules after a client's data changed (same transaction). */
export async function reclassify(tx: Tx, clientIds: number[]): Promise<void> {
  await applyRules(tx, dialectOf(tx), clientIds)
}

/** A client's entries and exits, newest first. */
export async function classificationHistory(db: Db, clientId: number, limit = 200) {
  const rows = await db
    .selectFrom('classification_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select([
      'h.id',
      'h.client_id',
      'h.classifier_id',
      'h.node_id',
      'h.action',
      'h.at',
      'h.actor_id',
      'u.name as actor_name',
      'h.by_rule',
    ])
    .where('h.client_id', '=', clientId)
    .orderBy('h.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: Number(r.id),
    clientId: r.client_id,
    classifierId: r.classifier_id,
    nodeId: r.node_id,
    action: r.action,
    at: r.at,
    actor: r.actor_id !== null ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    byRule: r.by_rule === 1,
  }))
}

/**
 * The nodes a client sat in at a moment, from the history (the latest event of each node at or
 * before it is an entry).
 */
export async function classificationAsOf(
  db: Db,
  clientId: number,
  at: string,
): Promise<Array<{ classifierId: number; nodeId: number }>> {
  const events = await db
    .selectFrom('classification_history')
    .select(['classifier_id', 'node_id', 'action', 'id'])
    .where('client_id', '=', clientId)
    .where('at', '<=', new Date(at).toISOString())
    .orderBy('id')
    .execute()
  const state = new Map<number, { classifierId: number; inside: boolean }>()
  for (const e of events)
    state.set(e.node_id, { classifierId: e.classifier_id, inside: e.action === 'enter' })
  return [...state.entries()]
    .filter(([, s]) => s.inside)
    .map(([nodeId, s]) => ({ classifierId: s.classifierId, nodeId }))
}

/**
 * Movements between the nodes of one classifier over a period: each client's node at the start and at
 * the end (from the history; in a multi-node classifier, the first by rank), counted per pair that
 * differs, with the clients of one chosen pair.
 */
export async function movements(
  db: Db,
  classifierId: number,
  range: { from: string; to: string },
  cell: { fromNodeId?: number; toNodeId?: number },
  visible: (clientIds: number[]) => Promise<Map<number, string>>,
  limit: number,
) {
  const from = new Date(range.from).toISOString()
  const to = new Date(range.to).toISOString()
  const nodes = await repo.findNodeRows(db, classifierId)
  const rank = new Map(nodes.map((n) => [n.id, n.rank]))
  // Only clients with an event in the period can have moved.
  const movers = await db
    .selectFrom('classification_history')
    .select('client_id')
    .distinct()
    .where('classifier_id', '=', classifierId)
    .where('at', '>', from)
    .where('at', '<=', to)
    .execute()
  const names = await visible(movers.map((m) => m.client_id))
  const ids = [...names.keys()]
  const stateAt = async (moment: string) => {
    const out = new Map<number, number>()
    for (let i = 0; i < ids.length; i += 500) {
      const events = await db
        .selectFrom('classification_history')
        .select(['client_id', 'node_id', 'action'])
        .where('classifier_id', '=', classifierId)
        .where('client_id', 'in', ids.slice(i, i + 500))
        .where('at', '<=', moment)
        .orderBy('id')
        .execute()
      const inside = new Map<number, Set<number>>()
      for (const e of events) {
        const set = inside.get(e.client_id) ?? new Set<number>()
        if (e.action === 'enter') set.add(e.node_id)
        else set.delete(e.node_id)
        inside.set(e.client_id, set)
      }
      for (const [client, set] of inside) {
        const first = [...set].sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9))[0]
        if (first !== undefined) out.set(client, first)
      }
    }
    return out
  }
  const [start, end] = [await stateAt(from), await stateAt(to)]
  const cells = new Map<string, { fromNodeId: number | null; toNodeId: number | null; clients: number }>()
  const chosen: Array<{ id: number; name: string; fromNodeId: number | null; toNodeId: number | null }> = []
  for (const id of ids) {
    const a = start.get(id) ?? null
    const b = end.get(id) ?? null
    if (a === b) continue
    const key = `${a}:${b}`
    const c = cells.get(key) ?? { fromNodeId: a, toNodeId: b, clients: 0 }
    c.clients++
    cells.set(key, c)
    const fromOk = cell.fromNodeId === undefined || cell.fromNodeId === (a ?? 0)
    const toOk = cell.toNodeId === undefined || cell.toNodeId === (b ?? 0)
    if (
      (cell.fromNodeId !== undefined || cell.toNodeId !== undefined) &&
      fromOk &&
      toOk &&
      chosen.length < limit
    )
      chosen.push({ id, name: names.get(id) ?? '', fromNodeId: a, toNodeId: b })
  }
  return {
    from,
    to,
    cells: [...cells.values()].sort((x, y) => y.clients - x.clients),
    clients: chosen.sort((x, y) => x.name.localeCompare(y.name)),
  }
}
