import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { moveFiles } from '../files/index.ts'
import { moveNotes } from '../notes/index.ts'
import * as repo from './clients.repository.ts'
import type { ClientFilter } from './clients.schemas.ts'
import { clientCard, loadClientFor } from './clients.service.ts'

/** The most clients one reassignment may touch in a single request. */
export const REASSIGN_LIMIT = 5000

/**
 * Gives clients — chosen by id or by a list filter — to another employee, with a reason kept in each
 * client's history. Only clients the actor can see are touched; all in one transaction.
 */
export async function reassignClients(
  db: Db,
  source: AuditSource,
  input: {
    ids?: number[]
    filter?: ClientFilter
    ownerId: number | null
    teamId?: number | null
    reason: string
  },
): Promise<{ changed: number }> {
  const actor = source.actor
  return inTransaction(db, async ({ tx }) => {
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
    const filter: ClientFilter = input.filter ?? {}
    const rows = await tx
      .selectFrom('clients as c')
      .leftJoin('users as o', 'o.id', 'c.owner_id')
      .leftJoin('teams as t', 't.id', 'c.team_id')
      .select(['c.id', 'c.owner_id', 'c.team_id', 'c.version', 'o.name as owner_name', 't.name as team_name'])
      .where((eb) =>
        repo.clientFilterConditions(
          eb,
          actor,
          filter,
          input.ids ? [eb('c.id', 'in', input.ids.length ? input.ids : [-1])] : [],
        ),
      )
      .limit(REASSIGN_LIMIT + 1)
      .execute()
    if (rows.length > REASSIGN_LIMIT)
      throw AppError.field('filter', 'clients.reassign_too_many', { limit: REASSIGN_LIMIT })
    const newOwner =
      input.ownerId !== null
        ? await tx.selectFrom('users').select('name').where('id', '=', input.ownerId).executeTakeFirst()
        : undefined
    const newTeam =
      teamId !== null
        ? await tx.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst()
        : undefined
    let changed = 0
    for (const r of rows) {
      if (r.owner_id === input.ownerId && r.team_id === teamId) continue
      await tx
        .updateTable('clients')
        .set({
          owner_id: input.ownerId,
          team_id: teamId,
          version: r.version + 1,
          updated_at: new Date().toISOString(),
          updated_by: actor.userId,
        })
        .where('id', '=', r.id)
        .execute()
      await recordAudit(tx, source, {
        action: 'reassign',
        entityType: 'client',
        entityId: r.id,
        changes: {
          owner: { from: r.owner_name ?? null, to: newOwner?.name ?? null },
          team: { from: r.team_name ?? null, to: newTeam?.name ?? null },
          reason: { to: input.reason },
        },
      })
      changed++
    }
    return { changed }
  })
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
    await moveChildren(tx, sourceId, targetId)
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

async function moveChildren(tx: Tx, fromId: number, toId: number): Promise<void> {
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
  await moveFiles(tx, { type: 'client', id: fromId }, { type: 'client', id: toId })
}

/** The client and every client merged into it (directly or through earlier merges): their histories are one. */
export async function mergedFamily(db: Db | Tx, id: number): Promise<number[]> {
  const rows = await db.selectFrom('clients').select('id').where('merged_into_id', '=', id).execute()
  return [id, ...rows.map((r) => r.id)]
}
