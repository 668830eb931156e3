import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction, nowIso } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import type { VIEW_ENTITIES, VIEW_SCOPES, ViewDto } from './views.schemas.ts'

type Entity = (typeof VIEW_ENTITIES)[number]
type Scope = (typeof VIEW_SCOPES)[number]
type State = ViewDto['state']

function visibleViews(db: Db | Tx, actor: Actor) {
  const me = actor.userId ?? -1
  return db
    .selectFrom('saved_views as v')
    .leftJoin('users as u', 'u.id', 'v.owner_id')
    .selectAll('v')
    .select('u.name as owner_name')
    .where((eb) =>
      eb.or([
        eb('v.owner_id', '=', me),
        eb('v.scope', '=', 'all'),
        ...(actor.teamId !== null
          ? [eb.and([eb('v.scope', '=', 'team'), eb('v.team_id', '=', actor.teamId)])]
          : []),
      ]),
    )
}

function canEdit(actor: Actor, row: { owner_id: number | null; scope: string }): boolean {
  return row.owner_id === actor.userId || (row.scope !== 'private' && actor.permissions.has('views.share'))
}

function toDto(
  actor: Actor,
  row: {
    id: number
    entity: string
    name: string
    scope: string
    owner_id: number | null
    owner_name: string | null
    team_id: number | null
    state: string
    version: number
    updated_at: string
  },
  defaultId: number | null,
): ViewDto {
  return {
    id: row.id,
    entity: row.entity as Entity,
    name: row.name,
    scope: row.scope as Scope,
    owner: row.owner_id !== null ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    teamId: row.team_id,
    state: JSON.parse(row.state) as State,
    isDefault: defaultId === row.id,
    canEdit: canEdit(actor, row),
    version: row.version,
    updatedAt: row.updated_at,
  }
}

async function defaultOf(db: Db | Tx, actor: Actor, entity: Entity): Promise<number | null> {
  const row = await db
    .selectFrom('saved_view_defaults')
    .select('view_id')
    .where('user_id', '=', actor.userId ?? -1)
    .where('entity', '=', entity)
    .executeTakeFirst()
  return row?.view_id ?? null
}

/** The views of a list the employee can use: their own, their team's and everyone's. */
export async function listViews(db: Db, actor: Actor, entity: Entity): Promise<ViewDto[]> {
  const [rows, def] = await Promise.all([
    visibleViews(db, actor).where('v.entity', '=', entity).orderBy('v.name').orderBy('v.id').execute(),
    defaultOf(db, actor, entity),
  ])
  return rows.map((r) => toDto(actor, r, def))
}

async function loadView(db: Db | Tx, actor: Actor, id: number) {
  const row = await visibleViews(db, actor).where('v.id', '=', id).executeTakeFirst()
  if (!row) throw AppError.notFound()
  return row
}

function checkScope(actor: Actor, scope: Scope): void {
  if (scope !== 'private' && !actor.permissions.has('views.share'))
    throw AppError.field('scope', 'views.cannot_share')
  if (scope === 'team' && actor.teamId === null) throw AppError.field('scope', 'views.no_team')
}

export async function getView(db: Db, actor: Actor, id: number): Promise<ViewDto> {
  const row = await loadView(db, actor, id)
  return toDto(actor, row, await defaultOf(db, actor, row.entity as Entity))
}

export async function createView(
  db: Db,
  source: AuditSource,
  input: { entity: Entity; name: string; scope: Scope; state: State },
): Promise<ViewDto> {
  const actor = source.actor
  checkScope(actor, input.scope)
  const id = await inTransaction(db, async ({ tx }) => {
    const now = nowIso()
    const row = await tx
      .insertInto('saved_views')
      .values({
        entity: input.entity,
        name: input.name,
        scope: input.scope,
        owner_id: actor.userId,
        team_id: input.scope === 'team' ? actor.teamId : null,
        state: JSON.stringify(input.state),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'saved_view',
      entityId: row.id,
      after: { name: input.name, scope: input.scope, ...input.state },
    })
    return row.id
  })
  return getView(db, actor, id)
}

export async function updateView(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
  patch: { name?: string; scope?: Scope; state?: State },
): Promise<ViewDto> {
  const actor = source.actor
  await inTransaction(db, async ({ tx }) => {
    const row = await loadView(tx, actor, id)
    if (!canEdit(actor, row)) throw AppError.forbidden()
    if (row.version !== version) throw new AppError('precondition_failed')
    if (patch.scope && patch.scope !== row.scope) checkScope(actor, patch.scope)
    const scope = patch.scope ?? (row.scope as Scope)
    const after = {
      name: patch.name ?? row.name,
      scope,
      team_id: scope === 'team' ? (row.scope === 'team' ? row.team_id : actor.teamId) : null,
      state: patch.state ? JSON.stringify(patch.state) : row.state,
    }
    await tx
      .updateTable('saved_views')
      .set({ ...after, version: row.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'saved_view',
      entityId: id,
      before: { name: row.name, scope: row.scope, state: row.state },
      after: { name: after.name, scope: after.scope, state: after.state },
    })
  })
  return getView(db, actor, id)
}

export async function deleteView(db: Db, source: AuditSource, id: number, version: number): Promise<void> {
  const actor = source.actor
  await inTransaction(db, async ({ tx }) => {
    const row = await loadView(tx, actor, id)
    if (!canEdit(actor, row)) throw AppError.forbidden()
    if (row.version !== version) throw new AppError('precondition_failed')
    await tx.deleteFrom('saved_view_defaults').where('view_id', '=', id).execute()
    await tx.deleteFrom('saved_views').where('id', '=', id).execute()
    await recordAudit(tx, source, {
      action: 'delete',
      entityType: 'saved_view',
      entityId: id,
      before: { name: row.name, scope: row.scope },
    })
  })
}

/** Chooses (or clears) the employee's default view of a list: the list opens with it. */
export async function setDefaultView(
  db: Db,
  actor: Actor,
  entity: Entity,
  viewId: number | null,
): Promise<void> {
  const me = actor.userId
  if (me === null) throw AppError.forbidden()
  await inTransaction(db, async ({ tx }) => {
    if (viewId !== null) {
      const row = await loadView(tx, actor, viewId)
      if (row.entity !== entity) throw AppError.field('viewId', 'views.wrong_entity')
    }
    await tx
      .deleteFrom('saved_view_defaults')
      .where('user_id', '=', me)
      .where('entity', '=', entity)
      .execute()
    if (viewId !== null)
      await tx.insertInto('saved_view_defaults').values({ user_id: me, entity, view_id: viewId }).execute()
  })
}
