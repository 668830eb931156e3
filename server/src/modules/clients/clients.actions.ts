import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import { type Db, dialectOf, type Tx } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { JobQueue } from '../../platform/jobs/job-queue.ts'
import { moveClientWork } from '../activities/index.ts'
import { moveClassifications, reclassify } from '../classifiers/index.ts'
import { moveFiles } from '../files/index.ts'
import { moveNotes } from '../notes/index.ts'
import { type OperationContext, type OperationStep, startOperation } from '../operations/index.ts'
import { clientQueryParts } from './clients.list.ts'
import * as repo from './clients.repository.ts'

type FilterExtra = Awaited<ReturnType<typeof clientQueryParts>>['extra']

import type { ClientFilter } from './clients.schemas.ts'
import { clientCard, loadClientFor } from './clients.service.ts'

/** The most clients one reassignment by ids may name. */
export const REASSIGN_LIMIT = 5000
/** A filtered set larger than this is reassigned in the background, in batches. */
export const REASSIGN_SYNC_LIMIT = 1000
export const REASSIGN_OPERATION = 'clients.reassign'
const REASSIGN_BATCH = 500

interface ReassignTarget {
  ownerId: number | null
  teamId: number | null
  ownerName: string | null
  teamName: string | null
}

export interface ReassignInput {
  ids?: number[]
  filter?: ClientFilter
  ownerId: number | null
  teamId?: number | null
  reason: string
}

export interface BulkResult {
  status: 'done' | 'queued'
  changed: number
  total: number
  operationId: number | null
}

async function reassignTarget(
  tx: Tx,
  input: { ownerId: number | null; teamId?: number | null },
): Promise<ReassignTarget> {
  if (input.ownerId !== null && !(await repo.ownerIsActive(tx, input.ownerId)))
    throw AppError.field('ownerId', 'clients.owner_not_found')
  if (input.teamId !== undefined && input.teamId !== null && !(await repo.teamExists(tx, input.teamId))) {
    throw AppError.field('teamId', 'clients.team_not_found')
  }
  const teamId =
    input.teamId !== undefined
      ? input.teamId
      : input.ownerId !== null
        ? await repo.teamOf(tx, input.ownerId)
        : null
  const owner =
    input.ownerId !== null
      ? await tx.selectFrom('users').select('name').where('id', '=', input.ownerId).executeTakeFirst()
      : undefined
  const team =
    teamId !== null
      ? await tx.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst()
      : undefined
  return { ownerId: input.ownerId, teamId, ownerName: owner?.name ?? null, teamName: team?.name ?? null }
}

/** The clients the actor can see among `ids` or under `filter`, in id order, after `afterId`. */
function matchingClients(
  tx: Tx,
  actor: AuditSource['actor'],
  input: { ids?: number[]; filter?: ClientFilter },
  extra: FilterExtra,
  afterId = 0,
) {
  return tx
    .selectFrom('clients as c')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .select(['c.id', 'c.owner_id', 'c.team_id', 'c.version', 'o.name as owner_name', 't.name as team_name'])
    .where((eb) =>
      repo.clientFilterConditions(eb, actor, input.filter ?? {}, [
        ...extra(eb),
        ...(input.ids ? [eb('c.id', 'in', input.ids.length ? input.ids : [-1])] : []),
        eb('c.id', '>', afterId),
      ]),
    )
    .orderBy('c.id')
}

async function reassignRows(
  tx: Tx,
  source: AuditSource,
  rows: Array<{
    id: number
    owner_id: number | null
    team_id: number | null
    version: number
    owner_name: string | null
    team_name: string | null
  }>,
  target: ReassignTarget,
  reason: string,
): Promise<number> {
  let changed = 0
  const now = new Date().toISOString()
  for (const r of rows) {
    if (r.owner_id === target.ownerId && r.team_id === target.teamId) continue
    await tx
      .updateTable('clients')
      .set({
        owner_id: target.ownerId,
        team_id: target.teamId,
        version: r.version + 1,
        updated_at: now,
        updated_by: source.actor.userId,
      })
      .where('id', '=', r.id)
      .execute()
    await recordAudit(tx, source, {
      action: 'reassign',
      entityType: 'client',
      entityId: r.id,
      changes: {
        owner: { from: r.owner_name ?? null, to: target.ownerName },
        team: { from: r.team_name ?? null, to: target.teamName },
        reason: { to: reason },
      },
    })
    changed++
  }
  await reclassify(
    tx,
    rows.map((r) => r.id),
  )
  return changed
}

/**
 * Gives clients — chosen by id or by a list filter — to another employee, with a reason kept in each
 * client's history. Only clients the actor can see are touched. Ids and small filtered sets change in
 * this transaction; a larger filtered set becomes an operation that runs in batches in the background
 * (each batch re-applies the filter, so clients that stop matching meanwhile are left alone).
 */
export async function reassignClients(
  db: Db,
  jobs: JobQueue,
  source: AuditSource,
  input: ReassignInput,
): Promise<BulkResult> {
  const actor = source.actor
  const parts = await clientQueryParts(db, dialectOf(db), input.filter ?? {}, '', 'sql')
  return inTransaction(db, async ({ tx }) => {
    const target = await reassignTarget(tx, input)
    if (input.ids === undefined) {
      const total = await repo.countClients(tx, actor, input.filter ?? {}, parts.extra)
      if (total > REASSIGN_SYNC_LIMIT) {
        const operationId = await startOperation(tx, jobs, {
          type: REASSIGN_OPERATION,
          actor,
          total,
          payload: {
            filter: input.filter ?? {},
            ownerId: target.ownerId,
            teamId: target.teamId,
            reason: input.reason,
          },
        })
        return { status: 'queued', changed: 0, total, operationId }
      }
    }
    const rows = await matchingClients(tx, actor, input, parts.extra)
      .limit(REASSIGN_LIMIT + 1)
      .execute()
    if (rows.length > REASSIGN_LIMIT)
      throw AppError.field('ids', 'clients.reassign_too_many', { limit: REASSIGN_LIMIT })
    const changed = await reassignRows(tx, source, rows, target, input.reason)
    return { status: 'done', changed, total: rows.length, operationId: null }
  })
}

/** One batch of a background reassignment. */
export const reassignStep: OperationStep = async (
  tx,
  op: OperationContext<
    { filter: ClientFilter; ownerId: number | null; teamId: number | null; reason: string },
    { afterId: number }
  >,
) => {
  const target = await reassignTarget(tx, { ownerId: op.payload.ownerId, teamId: op.payload.teamId })
  const parts = await clientQueryParts(tx, dialectOf(tx), op.payload.filter, '', 'sql')
  const rows = await matchingClients(
    tx,
    op.source.actor,
    { filter: op.payload.filter },
    parts.extra,
    op.cursor?.afterId ?? 0,
  )
    .limit(REASSIGN_BATCH)
    .execute()
  const changed = await reassignRows(tx, op.source, rows, target, op.payload.reason)
  return {
    processed: rows.length,
    counters: { changed },
    next: rows.length < REASSIGN_BATCH ? null : { afterId: rows.at(-1)!.id },
  }
}

function emptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
}

const FILLABLE: Array<keyof repo.ClientRow> = [
  'full_name',
  'legal_form',
  'inn',
  'kpp',
  'ogrn',
  'last_name',
  'first_name',
  'middle_name',
  'birth_date',
  'legal_address',
  'postal_address',
  'website',
  'industry',
  'size',
  'source',
]

/**
 * Merges `sourceId` into `targetId`: the target keeps its own facts and takes the source's where its
 * own are empty; phones, e-mails, bank accounts, contact persons, notes, files and consents move over;
 * the source goes to the trash marked as merged, and the history of both stays reachable from the target.
 */
export async function mergeClients(
  db: Db,
  source: AuditSource,
  targetId: number,
  version: number,
  sourceId: number,
) {
  const actor = source.actor
  return inTransaction(db, async ({ tx }) => {
    if (targetId === sourceId) throw AppError.field('sourceId', 'clients.merge_self')
    const target = await loadClientFor(tx, actor, targetId, 'clients.merge')
    const from = await loadClientFor(tx, actor, sourceId, 'clients.merge')
    if (target.deleted_at || from.deleted_at) throw new AppError('conflict', { key: 'clients.in_trash' })
    if (target.kind !== from.kind) throw AppError.field('sourceId', 'clients.merge_kind')
    if (target.version !== version) throw new AppError('precondition_failed')
    const filled: Record<string, { from?: unknown; to?: unknown }> = {}
    const patch: Record<string, unknown> = {}
    for (const f of FILLABLE) {
      if (emptyValue(target[f]) && !emptyValue(from[f])) {
        patch[f] = from[f]
        filled[f] = { from: null, to: from[f] }
      }
    }
    const tc = JSON.parse(target.custom) as Record<string, unknown>
    const sc = JSON.parse(from.custom) as Record<string, unknown>
    for (const [k, v] of Object.entries(sc)) if (emptyValue(tc[k]) && !emptyValue(v)) tc[k] = v
    const description = [target.description, from.description].filter(Boolean).join('\n\n')
    await tx
      .updateTable('clients')
      .set({
        ...patch,
        custom: JSON.stringify(tc),
        description,
        version: target.version + 1,
        updated_at: new Date().toISOString(),
        updated_by: actor.userId,
      })
      .where('id', '=', targetId)
      .execute()
    await moveChildren(tx, source, sourceId, targetId)
    await tx
      .updateTable('clients')
      .set({
        deleted_at: new Date().toISOString(),
        deleted_by: actor.userId,
        merged_into_id: targetId,
        version: from.version + 1,
      })
      .where('id', '=', sourceId)
      .execute()
    await tx
      .updateTable('clients')
      .set({ merged_into_id: targetId })
      .where('merged_into_id', '=', sourceId)
      .execute()
    await reclassify(tx, [targetId])
    const card = await clientCard(tx, targetId)
    await tx
      .updateTable('clients')
      .set({ completeness: card.completeness })
      .where('id', '=', targetId)
      .execute()
    await recordAudit(tx, source, {
      action: 'merge',
      entityType: 'client',
      entityId: targetId,
      changes: { mergedFrom: { to: `${from.name} (#${from.id})` }, ...filled },
    })
    await recordAudit(tx, source, {
      action: 'merged_into',
      entityType: 'client',
      entityId: sourceId,
      changes: { mergedInto: { to: `${target.name} (#${target.id})` } },
    })
    return card
  })
}

async function moveChildren(tx: Tx, source: AuditSource, fromId: number, toId: number): Promise<void> {
  const existing = await tx
    .selectFrom('contact_channels')
    .select(['type', 'normalized'])
    .where('client_id', '=', toId)
    .execute()
  const have = new Set(existing.map((c) => `${c.type}:${c.normalized}`))
  const moving = await tx
    .selectFrom('contact_channels')
    .selectAll()
    .where('client_id', '=', fromId)
    .orderBy('position')
    .execute()
  let position = existing.length
  for (const c of moving) {
    if (have.has(`${c.type}:${c.normalized}`))
      await tx.deleteFrom('contact_channels').where('id', '=', c.id).execute()
    else
      await tx
        .updateTable('contact_channels')
        .set({ client_id: toId, is_primary: 0, position: position++ })
        .where('id', '=', c.id)
        .execute()
  }
  const accounts = await tx
    .selectFrom('bank_accounts')
    .select('account')
    .where('client_id', '=', toId)
    .execute()
  const haveAccounts = new Set(accounts.map((a) => a.account))
  for (const a of await tx
    .selectFrom('bank_accounts')
    .selectAll()
    .where('client_id', '=', fromId)
    .execute()) {
    if (haveAccounts.has(a.account)) await tx.deleteFrom('bank_accounts').where('id', '=', a.id).execute()
    else
      await tx
        .updateTable('bank_accounts')
        .set({ client_id: toId, is_primary: accounts.length ? 0 : a.is_primary })
        .where('id', '=', a.id)
        .execute()
  }
  const links = await tx
    .selectFrom('contact_links')
    .select('contact_id')
    .where('client_id', '=', toId)
    .execute()
  const linked = new Set(links.map((l) => l.contact_id))
  for (const l of await tx
    .selectFrom('contact_links')
    .selectAll()
    .where('client_id', '=', fromId)
    .execute()) {
    if (linked.has(l.contact_id)) await tx.deleteFrom('contact_links').where('id', '=', l.id).execute()
    else
      await tx
        .updateTable('contact_links')
        .set({ client_id: toId, is_primary: links.length ? 0 : l.is_primary })
        .where('id', '=', l.id)
        .execute()
  }
  await tx
    .updateTable('contacts')
    .set({ person_client_id: toId })
    .where('person_client_id', '=', fromId)
    .execute()
  await tx.updateTable('consents').set({ client_id: toId }).where('client_id', '=', fromId).execute()
  await moveNotes(tx, { type: 'client', id: fromId }, { type: 'client', id: toId })
  await moveClassifications(tx, source, fromId, toId)
  await moveFiles(tx, { type: 'client', id: fromId }, { type: 'client', id: toId })
  await moveClientWork(tx, fromId, toId)
}

/** The client and every client merged into it (directly or through earlier merges): their histories are one. */
export async function mergedFamily(db: Db | Tx, id: number): Promise<number[]> {
  const rows = await db.selectFrom('clients').select('id').where('merged_into_id', '=', id).execute()
  return [id, ...rows.map((r) => r.id)]
}
