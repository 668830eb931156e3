import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Db, DialectKind, Tx } from '../../platform/db/database.ts'
import { idIn } from '../../platform/db/id-list.ts'
import type { ClientTable, Database } from '../../platform/db/schema.ts'
import { escapeLike, searchText } from '../../platform/db/text.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { visibleTo } from '../../platform/permissions/visibility.ts'
import type { BankAccountInput, ClientDto, ClientFilter, ClientListItem } from './clients.schemas.ts'
import type { NormalizedChannel } from './clients.validation.ts'

type Executor = Db | Tx
export type ClientRow = Omit<ClientTable, 'id'> & { id: number }
export type ClientValues = Omit<
  ClientTable,
  | 'id'
  | 'version'
  | 'created_at'
  | 'updated_at'
  | 'search'
  | 'deleted_at'
  | 'deleted_by'
  | 'merged_into_id'
  | 'erased_at'
  | 'created_by'
  | 'updated_by'
  | 'next_activity_at'
  | 'last_contact_at'
>

/** What the folded search column holds: names, requisites, addresses. Phones and e-mails are searched in their table. */
export function clientSearchText(
  v: Pick<ClientTable, 'name' | 'full_name' | 'inn' | 'kpp' | 'ogrn' | 'legal_address'>,
): string {
  return searchText(v.name, v.full_name, v.inn, v.kpp, v.ogrn, v.legal_address)
}

function newClientRow(v: ClientValues, actorId: number | null, now: string) {
  return {
    ...v,
    search: clientSearchText(v),
    version: 1,
    created_by: actorId,
    updated_by: actorId,
    created_at: now,
    updated_at: now,
  }
}

export async function insertClient(tx: Tx, v: ClientValues, actorId: number | null): Promise<number> {
  const row = await tx
    .insertInto('clients')
    .values(newClientRow(v, actorId, new Date().toISOString()))
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Inserts many clients, a few hundred per statement; returns their ids in the order of `rows`.
 * Both databases assign the ids of one multi-row INSERT in the order of its VALUES (SQLite: one writer,
 * consecutive rowids; PostgreSQL: `nextval` per row in order), so the ascending ids match the rows.
 */
export async function insertClients(tx: Tx, rows: ClientValues[], actorId: number | null): Promise<number[]> {
  const now = new Date().toISOString()
  const ids: number[] = []
  for (let i = 0; i < rows.length; i += 400) {
    const got = await tx
      .insertInto('clients')
      .values(rows.slice(i, i + 400).map((v) => newClientRow(v, actorId, now)))
      .returning('id')
      .execute()
    ids.push(...got.map((r) => Number(r.id)).sort((a, b) => a - b))
  }
  return ids
}

/** Channels and bank accounts of clients just inserted (nothing to replace), in multi-row statements. */
export async function insertClientDetails(
  tx: Tx,
  items: { clientId: number; channels: NormalizedChannel[]; bankAccounts: BankAccountInput[] }[],
): Promise<void> {
  const channels = items.flatMap((it) =>
    it.channels.map((c, i) => ({
      client_id: it.clientId,
      contact_id: null,
      type: c.type,
      value: c.value,
      normalized: c.normalized,
      digits: c.digits,
      label: c.label,
      is_primary: c.isPrimary ? (1 as const) : (0 as const),
      position: i,
    })),
  )
  for (let i = 0; i < channels.length; i += 1000)
    await tx
      .insertInto('contact_channels')
      .values(channels.slice(i, i + 1000))
      .execute()
  const accounts = items.flatMap((it) =>
    it.bankAccounts.map((a, i) => ({
      client_id: it.clientId,
      bik: a.bik,
      bank_name: a.bankName,
      account: a.account,
      corr_account: a.corrAccount,
      is_primary: a.isPrimary ? (1 as const) : (0 as const),
      position: i,
    })),
  )
  for (let i = 0; i < accounts.length; i += 1000)
    await tx
      .insertInto('bank_accounts')
      .values(accounts.slice(i, i + 1000))
      .execute()
}

export async function updateClientRow(
  tx: Tx,
  id: number,
  version: number,
  v: ClientValues,
  actorId: number | null,
): Promise<boolean> {
  const r = await tx
    .updateTable('clients')
    .set({
      ...v,
      search: clientSearchText(v),
      version: version + 1,
      updated_by: actorId,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function setDeleted(
  tx: Tx,
  id: number,
  version: number,
  deleted: { at: string; by: number | null } | null,
): Promise<boolean> {
  const r = await tx
    .updateTable('clients')
    .set({
      deleted_at: deleted?.at ?? null,
      deleted_by: deleted?.by ?? null,
      version: version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function purgeClientRow(tx: Tx, id: number): Promise<void> {
  await tx.deleteFrom('contact_channels').where('client_id', '=', id).execute()
  await tx.deleteFrom('clients').where('id', '=', id).execute()
}

export async function findClientRow(db: Executor, id: number): Promise<ClientRow | undefined> {
  return db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function replaceChannels(
  tx: Tx,
  owner: { clientId?: number; contactId?: number },
  channels: NormalizedChannel[],
): Promise<void> {
  if (owner.clientId !== undefined)
    await tx.deleteFrom('contact_channels').where('client_id', '=', owner.clientId).execute()
  else await tx.deleteFrom('contact_channels').where('contact_id', '=', owner.contactId!).execute()
  if (!channels.length) return
  await tx
    .insertInto('contact_channels')
    .values(
      channels.map((c, i) => ({
        client_id: owner.clientId ?? null,
        contact_id: owner.contactId ?? null,
        type: c.type,
        value: c.value,
        normalized: c.normalized,
        digits: c.digits,
        label: c.label,
        is_primary: c.isPrimary ? (1 as const) : (0 as const),
        position: i,
      })),
    )
    .execute()
}

export async function replaceBankAccounts(
  tx: Tx,
  clientId: number,
  accounts: BankAccountInput[],
): Promise<void> {
  await tx.deleteFrom('bank_accounts').where('client_id', '=', clientId).execute()
  if (!accounts.length) return
  await tx
    .insertInto('bank_accounts')
    .values(
      accounts.map((a, i) => ({
        client_id: clientId,
        bik: a.bik,
        bank_name: a.bankName,
        account: a.account,
        corr_account: a.corrAccount,
        is_primary: a.isPrimary ? (1 as const) : (0 as const),
        position: i,
      })),
    )
    .execute()
}

/** Phones, e-mails and messengers of a client or of a contact person, in their order. */
export async function findChannels(db: Executor, owner: number | { contactId: number }) {
  const rows = await db
    .selectFrom('contact_channels')
    .selectAll()
    .where((eb) =>
      typeof owner === 'number' ? eb('client_id', '=', owner) : eb('contact_id', '=', owner.contactId),
    )
    .orderBy('position')
    .execute()
  return rows.map((c) => ({
    id: c.id,
    type: c.type,
    value: c.value,
    normalized: c.normalized,
    label: c.label,
    isPrimary: c.is_primary === 1,
  }))
}

export async function findBankAccounts(db: Executor, clientId: number) {
  const rows = await db
    .selectFrom('bank_accounts')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('position')
    .execute()
  return rows.map((a) => ({
    id: a.id,
    bik: a.bik,
    bankName: a.bank_name,
    account: a.account,
    corrAccount: a.corr_account,
    isPrimary: a.is_primary === 1,
  }))
}

async function refName(db: Executor, table: 'users' | 'teams', id: number | null) {
  if (id === null) return null
  const r = await db.selectFrom(table).select(['id', 'name']).where('id', '=', id).executeTakeFirst()
  return r ? { id: r.id, name: r.name } : null
}

/** The full dossier card, without the derived completeness fields (the service adds them). */
export async function findClient(
  db: Executor,
  id: number,
): Promise<Omit<ClientDto, 'completeness' | 'missing'> | undefined> {
  const c = await findClientRow(db, id)
  if (!c) return undefined
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    fullName: c.full_name,
    legalForm: c.legal_form,
    inn: c.inn,
    kpp: c.kpp,
    ogrn: c.ogrn,
    isForeign: c.is_foreign === 1,
    lastName: c.last_name,
    firstName: c.first_name,
    middleName: c.middle_name,
    birthDate: c.birth_date,
    legalAddress: c.legal_address,
    postalAddress: c.postal_address,
    website: c.website,
    industry: c.industry,
    size: c.size,
    source: c.source,
    description: c.description,
    custom: JSON.parse(c.custom) as Record<string, unknown>,
    owner: await refName(db, 'users', c.owner_id),
    team: await refName(db, 'teams', c.team_id),
    channels: await findChannels(db, id),
    bankAccounts: await findBankAccounts(db, id),
    deletedAt: c.deleted_at,
    mergedIntoId: c.merged_into_id,
    erasedAt: c.erased_at,
    createdBy: await refName(db, 'users', c.created_by),
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  }
}

type ClientEb = ExpressionBuilder<Database & { c: ClientTable }, 'c'>

/** The WHERE of a client list: visibility, trash, and every filter. Shared by the list, counts, exports and bulk actions. */
export function clientFilterConditions(
  eb: ClientEb,
  actor: Actor,
  f: ClientFilter,
  extra: Expression<SqlBool>[] = [],
): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [visibleTo(eb, actor, { owner: 'c.owner_id', team: 'c.team_id' })]
  conds.push(f.trash ? eb('c.deleted_at', 'is not', null) : eb('c.deleted_at', 'is', null))
  if (f.kind) conds.push(eb('c.kind', '=', f.kind))
  if (f.ownerId) {
    const parts = f.ownerId.split(',')
    const ids = parts.filter((p) => p !== 'none').map(Number)
    const ors: Expression<SqlBool>[] = []
    if (ids.length) ors.push(eb('c.owner_id', 'in', ids))
    if (parts.includes('none')) ors.push(eb('c.owner_id', 'is', null))
    conds.push(eb.or(ors))
  }
  if (f.teamId) conds.push(eb('c.team_id', 'in', f.teamId.split(',').map(Number)))
  if (f.industry) conds.push(eb('c.industry', '=', f.industry))
  if (f.source) conds.push(eb('c.source', '=', f.source))
  if (f.size) conds.push(eb('c.size', '=', f.size))
  if (f.completenessBelow !== undefined) conds.push(eb('c.completeness', '<', f.completenessBelow))
  if (f.activity === 'none') conds.push(eb('c.next_activity_at', 'is', null))
  else if (f.activity === 'planned') conds.push(eb('c.next_activity_at', 'is not', null))
  else if (f.activity === 'overdue') conds.push(eb('c.next_activity_at', '<', new Date().toISOString()))
  if (f.createdFrom) conds.push(eb('c.created_at', '>=', new Date(f.createdFrom).toISOString()))
  if (f.createdTo) conds.push(eb('c.created_at', '<', new Date(f.createdTo).toISOString()))
  if (f.q) {
    const folded = searchText(f.q)
    const ors: Expression<SqlBool>[] = [
      eb('c.search', 'like', sql<string>`${`%${escapeLike(folded)}%`} escape '\\'`),
    ]
    const digits = f.q.replace(/\D/g, '')
    if (digits.length >= 4) {
      ors.push(
        eb.exists(
          eb
            .selectFrom('contact_channels as ch')
            .select('ch.id')
            .whereRef('ch.client_id', '=', 'c.id')
            .where('ch.digits', 'like', `%${digits}%`),
        ),
      )
    }
    if (/^[\w.@+-]{3,}$/.test(f.q.trim())) {
      ors.push(
        eb.exists(
          eb
            .selectFrom('contact_channels as ch')
            .select('ch.id')
            .whereRef('ch.client_id', '=', 'c.id')
            .where('ch.type', '=', 'email')
            .where(
              'ch.normalized',
              'like',
              sql<string>`${`%${escapeLike(f.q.trim().toLowerCase())}%`} escape '\\'`,
            ),
        ),
      )
    }
    conds.push(eb.or(ors))
  }
  return eb.and([...conds, ...extra])
}

export const CLIENT_SORT_COLUMNS = {
  name: 'c.name',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  completeness: 'c.completeness',
  inn: 'c.inn',
  kind: 'c.kind',
  industry: 'c.industry',
  source: 'c.source',
  nextActivityAt: 'c.next_activity_at',
  lastContactAt: 'c.last_contact_at',
} as const

const NOT_NULL_SORT = new Set<keyof typeof CLIENT_SORT_COLUMNS>([
  'name',
  'createdAt',
  'updatedAt',
  'completeness',
  'kind',
  'industry',
  'source',
])

export type ClientSort = { column: keyof typeof CLIENT_SORT_COLUMNS | Expression<unknown>; desc: boolean }

function itemQuery(db: Executor) {
  return db
    .selectFrom('clients as c')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .select((eb) => [
      'c.id',
      'c.kind',
      'c.name',
      'c.legal_form',
      'c.inn',
      'c.kpp',
      'c.ogrn',
      'c.industry',
      'c.size',
      'c.source',
      'c.completeness',
      'c.custom',
      'c.next_activity_at',
      'c.last_contact_at',
      'c.owner_id',
      'o.name as owner_name',
      'c.team_id',
      't.name as team_name',
      'c.deleted_at',
      'c.created_at',
      'c.updated_at',
      eb
        .selectFrom('contact_channels as ch')
        .select('ch.value')
        .whereRef('ch.client_id', '=', 'c.id')
        .where('ch.type', '=', 'phone')
        .orderBy('ch.is_primary', 'desc')
        .orderBy('ch.position')
        .limit(1)
        .as('phone'),
      eb
        .selectFrom('contact_channels as ch')
        .select('ch.value')
        .whereRef('ch.client_id', '=', 'c.id')
        .where('ch.type', '=', 'email')
        .orderBy('ch.is_primary', 'desc')
        .orderBy('ch.position')
        .limit(1)
        .as('email'),
    ])
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['execute']>>[number]

function toItem(r: ItemRow): ClientListItem {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    legalForm: r.legal_form,
    inn: r.inn,
    kpp: r.kpp,
    ogrn: r.ogrn,
    phone: r.phone ?? null,
    email: r.email ?? null,
    industry: r.industry,
    size: r.size,
    source: r.source,
    completeness: r.completeness,
    owner: r.owner_id !== null ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    team: r.team_id !== null ? { id: r.team_id, name: r.team_name ?? '' } : null,
    custom: JSON.parse(r.custom) as Record<string, unknown>,
    nextActivityAt: r.next_activity_at,
    lastContactAt: r.last_contact_at,
    deletedAt: r.deleted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    nodes: [],
  }
}

/** Each client's direct classifier nodes, for list rows. */
export async function nodesOfClients(db: Executor, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>()
  if (!ids.length) return out
  const rows = await db
    .selectFrom('client_classifications as cc')
    .innerJoin('classifier_nodes as n', 'n.id', 'cc.node_id')
    .select(['cc.client_id', 'cc.node_id'])
    .where('cc.client_id', 'in', ids)
    .orderBy('cc.classifier_id')
    .orderBy('n.rank')
    .execute()
  for (const r of rows) out.set(r.client_id, [...(out.get(r.client_id) ?? []), r.node_id])
  return out
}

/** Orders a query of `clients as c` by the list's sort keys, empty values last, then by id. */
// biome-ignore lint/suspicious/noExplicitAny: works on any select over `clients as c`
function applySort<Q extends { orderBy: (...args: any[]) => Q }>(q: Q, sort: ClientSort[]): Q {
  let out = q
  for (const s of sort) {
    const expr = typeof s.column === 'string' ? sql.ref(CLIENT_SORT_COLUMNS[s.column]) : s.column
    // Empty values last in both directions and on both databases. Columns that are never NULL get a
    // plain ORDER BY, so an index on them can serve it (NULLS LAST would force a full sort on SQLite).
    const nullable = typeof s.column !== 'string' || !NOT_NULL_SORT.has(s.column)
    // biome-ignore lint/suspicious/noExplicitAny: the order-by builder's type depends on Q
    out = out.orderBy(expr, (ob: any) => {
      const dir = s.desc ? ob.desc() : ob.asc()
      return nullable ? dir.nullsLast() : dir
    })
  }
  return out.orderBy('c.id')
}

export async function listClients(
  db: Executor,
  actor: Actor,
  f: ClientFilter,
  sort: ClientSort[],
  page: { page: number; pageSize: number },
  extra: (eb: ClientEb) => Expression<SqlBool>[] = () => [],
): Promise<{ items: ClientListItem[]; total: number }> {
  const total = await countClients(db, actor, f, extra)
  const rows = await applySort(
    itemQuery(db).where((eb) => clientFilterConditions(eb, actor, f, extra(eb))),
    sort,
  )
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute()
  return { total, items: rows.map(toItem) }
}

/** How many clients the actor can see under a filter (with the filter's extra conditions). */
export async function countClients(
  db: Executor,
  actor: Actor,
  f: ClientFilter,
  extra: (eb: ClientEb) => Expression<SqlBool>[],
): Promise<number> {
  const row = await db
    .selectFrom('clients as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => clientFilterConditions(eb, actor, f, extra(eb)))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** List rows of the given clients, in the given order. */
export async function listItemsByIds(db: Executor, ids: number[]): Promise<ClientListItem[]> {
  if (!ids.length) return []
  const rows = await itemQuery(db).where('c.id', 'in', ids).execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    return r ? [toItem(r)] : []
  })
}

/**
 * Client ids in list order (the sort keys, then id): of the given ids (any number, one parameter), or —
 * with `ids` null — of every client, read in chunks from `offset` so a caller can stop early.
 */
export async function orderedClientIds(
  db: Executor,
  dialect: DialectKind,
  ids: readonly number[] | null,
  sort: ClientSort[],
  limit: number,
  offset = 0,
): Promise<number[]> {
  if (ids !== null && !ids.length) return []
  let q = db.selectFrom('clients as c').select('c.id')
  if (ids !== null) q = q.where(idIn(dialect, 'c.id', ids))
  const rows = await applySort(q, sort).limit(limit).offset(offset).execute()
  return rows.map((r) => r.id)
}

export interface DuplicateCandidate {
  id: number
  name: string
  kind: ClientTable['kind']
  inn: string | null
  owner_id: number | null
  team_id: number | null
  owner_name: string | null
  reason: 'inn' | 'phone' | 'email' | 'name'
}

/** Live (not deleted) clients sharing ИНН(+КПП), a phone, an e-mail, or a name with the given facts. */
export async function findDuplicateCandidates(
  db: Executor,
  q: {
    inn?: string | null
    kpp?: string | null
    phones: string[]
    emails: string[]
    nameTokens: string[]
    excludeId?: number
  },
): Promise<DuplicateCandidate[]> {
  const base = () =>
    db
      .selectFrom('clients as c')
      .leftJoin('users as o', 'o.id', 'c.owner_id')
      .select(['c.id', 'c.name', 'c.kind', 'c.inn', 'c.owner_id', 'c.team_id', 'o.name as owner_name'])
      .where('c.deleted_at', 'is', null)
      .where('c.id', '!=', q.excludeId ?? -1)
  const out: DuplicateCandidate[] = []
  if (q.inn) {
    let byInn = base().where('c.inn', '=', q.inn)
    if (q.kpp) byInn = byInn.where((eb) => eb.or([eb('c.kpp', '=', q.kpp!), eb('c.kpp', 'is', null)]))
    for (const r of await byInn.limit(20).execute()) out.push({ ...r, reason: 'inn' })
  }
  for (const [type, values] of [
    ['phone', q.phones],
    ['email', q.emails],
  ] as const) {
    if (!values.length) continue
    const rows = await base()
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('contact_channels as ch')
            .select('ch.id')
            .whereRef('ch.client_id', '=', 'c.id')
            .where('ch.type', '=', type)
            .where('ch.normalized', 'in', values),
        ),
      )
      .limit(20)
      .execute()
    for (const r of rows) out.push({ ...r, reason: type })
  }
  if (q.nameTokens.length) {
    let byName = base()
    for (const token of q.nameTokens.slice(0, 3)) {
      byName = byName.where('c.search', 'like', sql<string>`${`%${escapeLike(token)}%`} escape '\\'`)
    }
    for (const r of await byName.limit(50).execute()) out.push({ ...r, reason: 'name' })
  }
  return out
}

export async function ownerIsActive(db: Executor, userId: number): Promise<boolean> {
  const r = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('is_active', '=', 1)
    .executeTakeFirst()
  return r !== undefined
}

export async function teamOf(db: Executor, userId: number): Promise<number | null> {
  const r = await db.selectFrom('users').select('team_id').where('id', '=', userId).executeTakeFirst()
  return r?.team_id ?? null
}

export async function teamExists(db: Executor, teamId: number): Promise<boolean> {
  return (await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()) !== undefined
}
