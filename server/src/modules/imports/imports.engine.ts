/**
 * The rows of an import through the clients' own services, in the caller's transaction: duplicates found
 * among existing clients (and earlier rows of the file), the policy applied, every change audited with
 * source `import`. A row that fails is rolled back to its savepoint and reported; the others go on.
 */
import { sql } from 'kysely'
import type { AuditSource } from '../../platform/audit/audit.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { issuesToFields } from '../../platform/errors/validation.ts'
import { translate } from '../../platform/i18n/messages.ts'
import { canSee } from '../../platform/permissions/authorize.ts'
import { setClientNodes } from '../classifiers/index.ts'
import {
  addContactIn,
  type BulkCreateResult,
  type ClientCreateInput,
  type ClientDto,
  clientCard,
  clientCreateBody,
  clientUpdateBody,
  createClientIn,
  createClientsIn,
  normalizeEmail,
  normalizePhone,
  updateClientIn,
} from '../clients/index.ts'
import {
  type ConvertedRow,
  convertRow,
  type ImportSettings,
  type Lookups,
  type RowError,
} from './imports.rows.ts'

export type RowAction = 'create' | 'update' | 'skip' | 'error'

export interface RowOutcome {
  row: number
  action: RowAction
  clientId: number | null
  name: string
  errors: RowError[]
  before: Record<string, unknown> | null
  keys: string[]
}

export interface BatchContext {
  importId: number
  sha256: string
  mapping: ReadonlyArray<string | null>
  settings: ImportSettings
  source: AuditSource
  lookups: Lookups
  phase: 'check' | 'run'
}

/** Spreadsheet row number of a data row (the header is row 1). */
export const rowNumber = (index: number) => index + 2

function keysOf(c: ConvertedRow, matchBy: ImportSettings['matchBy']): string[] {
  const keys: string[] = []
  const input = c.input
  for (const m of matchBy) {
    if (m === 'externalId' && c.externalId) keys.push(`ext:${c.externalId}`)
    if (m === 'inn' && input.inn)
      keys.push(`inn:${input.inn.replace(/\s/g, '')}/${input.kpp?.replace(/\s/g, '') ?? ''}`)
    if (m === 'name' && c.name) keys.push(`name:${c.kind}:${c.name}`)
    for (const ch of input.channels ?? []) {
      if (m === 'email' && ch.type === 'email') {
        const e = normalizeEmail(ch.value)
        if (e.ok) keys.push(`email:${e.email}`)
      }
      if (m === 'phone' && ch.type === 'phone') {
        const p = normalizePhone(ch.value)
        if (p.ok) keys.push(`phone:${p.e164}`)
      }
    }
  }
  return keys
}

/** Which of these clients are alive (not in the trash, not merged away): one primary-key lookup per 500. */
async function aliveClients(tx: Tx, ids: Iterable<number>): Promise<Set<number>> {
  const list = [...new Set(ids)]
  const out = new Set<number>()
  for (let i = 0; i < list.length; i += 500) {
    const rows = await tx
      .selectFrom('clients')
      .select(['id', 'deleted_at', 'merged_into_id'])
      .where('id', 'in', list.slice(i, i + 500))
      .execute()
    for (const r of rows) if (r.deleted_at === null && r.merged_into_id === null) out.add(r.id)
  }
  return out
}

/**
 * Existing clients (not in the trash, not merged away) for match keys, the lowest id per key: one query
 * per kind of key for a whole batch, each on the key's own index only, and the clients' state checked by
 * primary key afterwards — so the plan cannot depend on statistics (tables grow fast during an import
 * and PostgreSQL has not analyzed them; a join there turned into a nested loop over every client).
 */
async function clientsForKeys(tx: Tx, keys: Iterable<string>): Promise<Map<string, number>> {
  const byType = new Map<string, string[]>()
  for (const key of new Set(keys)) {
    const at = key.indexOf(':')
    const type = key.slice(0, at)
    if (!byType.has(type)) byType.set(type, [])
    byType.get(type)!.push(key.slice(at + 1))
  }
  const candidates: Array<{ key: string; id: number }> = []
  for (const [type, values] of byType) {
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500)
      if (type === 'ext') {
        const rows = await tx
          .selectFrom('client_external_ids')
          .select(['client_id', 'external_id'])
          .where('external_id', 'in', chunk)
          .execute()
        for (const r of rows) candidates.push({ key: `ext:${r.external_id}`, id: r.client_id })
      } else if (type === 'inn') {
        const inns = [...new Set(chunk.map((v) => v.split('/')[0]!))]
        const rows = await tx
          .selectFrom('clients')
          .select(['id', 'inn', 'kpp'])
          .where('inn', 'in', inns)
          .execute()
        for (const r of rows) {
          candidates.push({ key: `inn:${r.inn}/`, id: r.id })
          if (r.kpp) candidates.push({ key: `inn:${r.inn}/${r.kpp}`, id: r.id })
        }
      } else if (type === 'email' || type === 'phone') {
        const rows = await tx
          .selectFrom('contact_channels')
          .select(['client_id', 'normalized'])
          .where('type', '=', type)
          .where('normalized', 'in', chunk)
          .where('client_id', 'is not', null)
          .execute()
        for (const r of rows) candidates.push({ key: `${type}:${r.normalized}`, id: r.client_id! })
      } else if (type === 'name') {
        const names = [...new Set(chunk.map((v) => v.slice(v.indexOf(':') + 1)))]
        const rows = await tx
          .selectFrom('clients')
          .select(['id', 'kind', 'name'])
          .where('name', 'in', names)
          .execute()
        for (const r of rows) candidates.push({ key: `name:${r.kind}:${r.name}`, id: r.id })
      }
    }
  }
  const alive = await aliveClients(
    tx,
    candidates.map((c) => c.id),
  )
  const found = new Map<string, number>()
  for (const { key, id } of candidates) {
    if (!alive.has(id)) continue
    const had = found.get(key)
    if (had === undefined || id < had) found.set(key, id)
  }
  return found
}

/** Rows of this very file already imported (by an earlier run, or before a crash): their clients. */
async function repeatsOf(tx: Tx, ctx: BatchContext, rows: number[]): Promise<Map<number, number>> {
  const got: Array<{ row: number; client_id: number }> = []
  for (let i = 0; i < rows.length; i += 500)
    got.push(
      ...(await tx
        .selectFrom('import_keys')
        .select(['row', 'client_id'])
        .where('sha256', '=', ctx.sha256)
        .where('row', 'in', rows.slice(i, i + 500))
        .execute()),
    )
  // A row whose client went to the trash (rolled back, say) is imported again.
  const alive = await aliveClients(
    tx,
    got.map((r) => r.client_id),
  )
  const out = new Map<number, number>()
  for (const r of got) if (alive.has(r.client_id)) out.set(r.row, r.client_id)
  return out
}

/** A dry run: keys that rows of earlier batches would create, with the first such row. */
async function earlierRows(tx: Tx, ctx: BatchContext, keys: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (let i = 0; i < keys.length; i += 500) {
    const got = await tx
      .selectFrom('import_row_keys')
      .select(['key', 'row'])
      .where('import_id', '=', ctx.importId)
      .where('key', 'in', keys.slice(i, i + 500))
      .execute()
    for (const r of got) if (!out.has(r.key) || r.row < out.get(r.key)!) out.set(r.key, r.row)
  }
  return out
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

const PATCHABLE = [
  'name',
  'fullName',
  'legalForm',
  'inn',
  'kpp',
  'ogrn',
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'website',
  'legalAddress',
  'postalAddress',
  'industry',
  'size',
  'source',
  'description',
] as const

/** The patch a policy makes of a row for an existing client, and the values it replaces. */
function patchFor(
  card: ClientDto,
  c: ConvertedRow,
  policy: ImportSettings['policy'],
): { patch: Record<string, unknown>; before: Record<string, unknown> } {
  const patch: Record<string, unknown> = {}
  const before: Record<string, unknown> = {}
  const overwrite = policy === 'overwrite'
  const input = c.input as Record<string, unknown>
  for (const f of PATCHABLE) {
    const v = input[f]
    if (isEmpty(v)) continue
    const old = (card as unknown as Record<string, unknown>)[f]
    if ((overwrite || isEmpty(old)) && old !== v) {
      patch[f] = v
      before[f] = old
    }
  }
  if (overwrite && input.ownerId !== undefined && input.ownerId !== (card.owner?.id ?? null)) {
    patch.ownerId = input.ownerId
    before.ownerId = card.owner?.id ?? null
  }
  const have = new Set(card.channels.map((ch) => `${ch.type}:${ch.normalized}`))
  const fresh = (c.input.channels ?? []).filter((ch) => {
    const n = ch.type === 'phone' ? normalizePhone(ch.value) : normalizeEmail(ch.value)
    const key = n.ok ? `${ch.type}:${'e164' in n ? n.e164 : n.email}` : `${ch.type}:${ch.value}`
    return !have.has(key)
  })
  if (fresh.length) {
    const current = card.channels.map((ch) => ({
      type: ch.type,
      value: ch.value,
      label: ch.label,
      isPrimary: ch.isPrimary,
    }))
    patch.channels = [...current, ...fresh]
    before.channels = current
  }
  const custom: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(c.input.custom ?? {})) {
    const old = card.custom[k]
    if ((overwrite || isEmpty(old)) && JSON.stringify(old) !== JSON.stringify(v)) {
      custom[k] = v
      before[`custom.${k}`] = old ?? null
    }
  }
  if (Object.keys(custom).length) patch.custom = custom
  return { patch, before }
}

/** The problems of an error, per cell: the service's field names mapped back to the row's columns. */
function problemsOf(err: unknown, c: ConvertedRow, ctx: BatchContext): RowError[] {
  const locale = ctx.lookups.locale
  const column = (field: string): number | null => {
    if (field in c.columns) return c.columns[field]!
    const prefix = field.split('.').slice(0, 2).join('.')
    if (prefix in c.columns) return c.columns[prefix]!
    const top = field.split('.')[0]!
    return c.columns[top] ?? null
  }
  if (err instanceof AppError) {
    if (err.fields && Object.keys(err.fields).length)
      return Object.entries(err.fields).map(([field, p]) => ({
        column: column(field),
        field,
        message: 'text' in p ? p.text : translate(locale, p.key, p.params),
      }))
    return [{ column: null, field: '', message: translate(locale, err.key, err.params) }]
  }
  throw err
}

function zodProblems(issues: Parameters<typeof issuesToFields>[0], c: ConvertedRow, ctx: BatchContext) {
  const fields = issuesToFields(issues, ctx.lookups.locale)
  return problemsOf(
    new AppError('validation', {
      fields: Object.fromEntries(Object.entries(fields).map(([k, text]) => [k, { text }])),
    }),
    c,
    ctx,
  )
}

async function applyExtras(tx: Tx, ctx: BatchContext, c: ConvertedRow, clientId: number, isNew: boolean) {
  if (c.externalId)
    await tx
      .insertInto('client_external_ids')
      .values({ client_id: clientId, external_id: c.externalId })
      .onConflict((oc) => oc.doNothing())
      .execute()
  for (const [classifierId, nodeIds] of c.classifierNodes) {
    if (!isNew && ctx.settings.policy === 'update_empty') {
      const has = await tx
        .selectFrom('client_classifications')
        .select('node_id')
        .where('client_id', '=', clientId)
        .where('classifier_id', '=', classifierId)
        .where('by_rule', '=', 0)
        .executeTakeFirst()
      if (has) continue
    }
    await setClientNodes(tx, ctx.source, clientId, classifierId, nodeIds)
  }
  if (c.contact) {
    if (c.kind !== 'organization') throw AppError.field('contactName', 'imports.contact_org_only')
    const exists = await tx
      .selectFrom('contact_links as l')
      .innerJoin('contacts as p', 'p.id', 'l.contact_id')
      .select('p.id')
      .where('l.client_id', '=', clientId)
      .where('p.last_name', '=', c.contact.lastName)
      .where('p.first_name', '=', c.contact.firstName)
      .executeTakeFirst()
    if (!exists)
      await addContactIn(tx, ctx.source, clientId, {
        lastName: c.contact.lastName,
        firstName: c.contact.firstName,
        middleName: c.contact.middleName,
        position: c.contact.position,
        channels: c.contact.channels.map((ch) => ({ ...ch, label: '', isPrimary: false })),
      } as Parameters<typeof addContactIn>[3])
  }
}

interface Item {
  index: number
  row: number
  c: ConvertedRow
  keys: string[]
}

interface Match {
  clientId: number | null
  virtualRow: number | null
}

const baseOutcome = (item: Item): RowOutcome => ({
  row: item.row,
  action: 'error',
  clientId: null,
  name: item.c.name,
  errors: item.c.errors,
  before: null,
  keys: [],
})

async function rememberRow(tx: Tx, ctx: BatchContext, rows: { row: number; clientId: number }[]) {
  if (ctx.phase !== 'run') return
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('import_keys')
      .values(
        rows
          .slice(i, i + 500)
          .map((r) => ({ sha256: ctx.sha256, row: r.row, client_id: r.clientId, import_id: ctx.importId })),
      )
      .onConflict((oc) =>
        oc.columns(['sha256', 'row']).doUpdateSet((eb) => ({
          client_id: eb.ref('excluded.client_id'),
          import_id: eb.ref('excluded.import_id'),
        })),
      )
      .execute()
}

/** One row on its own, in a savepoint: a row matching an existing client, or one the bulk path cannot take. */
async function processRow(tx: Tx, ctx: BatchContext, item: Item, match: Match): Promise<RowOutcome> {
  const { c, keys, row } = item
  const out = baseOutcome(item)
  const policy = ctx.settings.policy
  let target = policy === 'create' ? null : match.clientId
  if (target !== null) {
    const row0 = await tx
      .selectFrom('clients')
      .select(['owner_id', 'team_id'])
      .where('id', '=', target)
      .executeTakeFirstOrThrow()
    if (!canSee(ctx.source.actor, { ownerId: row0.owner_id, teamId: row0.team_id }))
      return {
        ...out,
        errors: [{ column: null, field: '', message: translate(ctx.lookups.locale, 'imports.match_hidden') }],
      }
    if (policy === 'skip') return { ...out, action: 'skip', clientId: target }
  } else if (match.virtualRow !== null && policy !== 'create') {
    // A dry run: an earlier row of the file would create this client.
    return { ...out, action: policy === 'skip' ? 'skip' : 'update' }
  }
  await sql`savepoint import_row`.execute(tx)
  try {
    let result: RowOutcome
    if (target === null) {
      const parsed = clientCreateBody.safeParse(c.input)
      if (!parsed.success) {
        await sql`rollback to savepoint import_row`.execute(tx)
        return { ...out, errors: zodProblems(parsed.error.issues, c, ctx) }
      }
      const client = await createClientIn(tx, ctx.source, parsed.data)
      target = client.id
      await applyExtras(tx, ctx, c, client.id, true)
      result = { ...out, action: 'create', clientId: client.id, keys }
    } else {
      const card = await clientCard(tx, target)
      const { patch, before } = patchFor(card, c, policy)
      const parsed = clientUpdateBody.safeParse(patch)
      if (!parsed.success) {
        await sql`rollback to savepoint import_row`.execute(tx)
        return { ...out, errors: zodProblems(parsed.error.issues, c, ctx) }
      }
      const changed = Object.keys(patch).length > 0
      if (changed) await updateClientIn(tx, ctx.source, target, card.version, parsed.data)
      await applyExtras(tx, ctx, c, target, false)
      result = {
        ...out,
        action: changed ? 'update' : 'skip',
        clientId: target,
        before: changed ? before : null,
      }
    }
    await rememberRow(tx, ctx, [{ row, clientId: target }])
    await sql`release savepoint import_row`.execute(tx)
    return result
  } catch (err) {
    await sql`rollback to savepoint import_row`.execute(tx)
    return { ...out, errors: problemsOf(err, c, ctx) }
  }
}

/**
 * The rows of a batch. Matches are looked up for the whole batch at once; rows that create a client
 * (the bulk of a first import) are created together through `createClientsIn`; rows matching an existing
 * client, rows with a contact person, and every row of a bulk that failed unexpectedly go one by one.
 * A row matching a client that an earlier row of the same batch is about to create waits for it.
 */
async function processRows(
  tx: Tx,
  ctx: BatchContext,
  rows: readonly (readonly unknown[])[],
  from: number,
  to: number,
): Promise<RowOutcome[]> {
  const items: Item[] = []
  for (let index = from; index < to && index < rows.length; index++) {
    const c = convertRow(rows[index]!, ctx.mapping, ctx.settings, ctx.lookups)
    items.push({
      index,
      row: rowNumber(index),
      c,
      keys: c.errors.length ? [] : keysOf(c, ctx.settings.matchBy),
    })
  }
  const allKeys = [...new Set(items.flatMap((it) => it.keys))]
  const repeats = await repeatsOf(
    tx,
    ctx,
    items.map((it) => it.row),
  )
  const known = await clientsForKeys(tx, allKeys)
  const virtual = ctx.phase === 'check' ? await earlierRows(tx, ctx, allKeys) : new Map<string, number>()
  const policy = ctx.settings.policy
  const outcomes: RowOutcome[] = new Array(items.length)
  const firstOf = (map: Map<string, number>, keys: string[]) => {
    for (const k of keys) {
      const v = map.get(k)
      if (v !== undefined) return v
    }
    return null
  }
  const learn = (keys: string[], clientId: number) => {
    for (const k of keys) if (!known.has(k)) known.set(k, clientId)
  }

  let pending: { slot: number; item: Item; input: ClientCreateInput }[] = []
  let pendingKeys = new Map<string, number>()
  let waiting: { slot: number; item: Item; on: number }[] = []

  const alone = async (slot: number, item: Item, match: Match) => {
    const o = await processRow(tx, ctx, item, match)
    outcomes[slot] = o
    if (o.action === 'create' && o.clientId !== null) learn(item.keys, o.clientId)
  }

  const flush = async () => {
    const batch = pending
    const waiters = waiting
    pending = []
    pendingKeys = new Map()
    waiting = []
    if (!batch.length) return
    await sql`savepoint import_bulk`.execute(tx)
    let results: BulkCreateResult[]
    try {
      results = await createClientsIn(
        tx,
        ctx.source,
        batch.map((p) => p.input),
      )
      const created = batch.flatMap((p, i) => {
        const r = results[i]!
        return r.ok ? [{ p, id: r.id }] : []
      })
      const external = created.flatMap(({ p, id }) =>
        p.item.c.externalId ? [{ client_id: id, external_id: p.item.c.externalId }] : [],
      )
      for (let i = 0; i < external.length; i += 500)
        await tx
          .insertInto('client_external_ids')
          .values(external.slice(i, i + 500))
          .onConflict((oc) => oc.doNothing())
          .execute()
      for (const { p, id } of created)
        for (const [classifierId, nodeIds] of p.item.c.classifierNodes)
          await setClientNodes(tx, ctx.source, id, classifierId, nodeIds)
      await rememberRow(
        tx,
        ctx,
        created.map(({ p, id }) => ({ row: p.item.row, clientId: id })),
      )
      await sql`release savepoint import_bulk`.execute(tx)
    } catch {
      // Something no check foresaw (a constraint, say): undo the bulk and take its rows one by one,
      // so that only the row at fault is rejected.
      await sql`rollback to savepoint import_bulk`.execute(tx)
      await sql`release savepoint import_bulk`.execute(tx)
      for (const p of batch) await alone(p.slot, p.item, { clientId: null, virtualRow: null })
      for (const w of waiters) await settle(w.slot, w.item)
      return
    }
    batch.forEach((p, i) => {
      const r = results[i]!
      if (r.ok) {
        outcomes[p.slot] = { ...baseOutcome(p.item), action: 'create', clientId: r.id, keys: p.item.keys }
        learn(p.item.keys, r.id)
      } else outcomes[p.slot] = { ...baseOutcome(p.item), errors: problemsOf(r.error, p.item.c, ctx) }
    })
    for (const w of waiters) await settle(w.slot, w.item)
  }

  /** A row whose match was about to be created: skipped now that it exists, or taken on its own. */
  const settle = async (slot: number, item: Item) => {
    const id = firstOf(known, item.keys)
    if (id !== null) outcomes[slot] = { ...baseOutcome(item), action: 'skip', clientId: id }
    else await alone(slot, item, { clientId: null, virtualRow: null })
  }

  for (const [slot, item] of items.entries()) {
    if (item.c.errors.length) {
      outcomes[slot] = baseOutcome(item)
      continue
    }
    const repeat = repeats.get(item.row)
    if (repeat !== undefined) {
      outcomes[slot] = { ...baseOutcome(item), action: 'skip', clientId: repeat }
      continue
    }
    let existing = policy === 'create' ? null : firstOf(known, item.keys)
    if (existing === null && policy !== 'create') {
      const on = firstOf(pendingKeys, item.keys)
      if (on !== null) {
        if (policy === 'skip') {
          waiting.push({ slot, item, on })
          continue
        }
        // Update the client an earlier row creates: create it first.
        await flush()
        existing = firstOf(known, item.keys)
      }
    }
    const earlier = policy === 'create' ? null : firstOf(virtual, item.keys)
    if (existing !== null || earlier !== null || item.c.contact) {
      await alone(slot, item, { clientId: existing, virtualRow: earlier })
      continue
    }
    const parsed = clientCreateBody.safeParse(item.c.input)
    if (!parsed.success) {
      outcomes[slot] = { ...baseOutcome(item), errors: zodProblems(parsed.error.issues, item.c, ctx) }
      continue
    }
    pending.push({ slot, item, input: parsed.data })
    for (const k of item.keys) if (!pendingKeys.has(k)) pendingKeys.set(k, pending.length - 1)
  }
  await flush()
  return outcomes
}

/**
 * Processes rows `from`…`to` (data indexes) and stores their outcomes. A dry run (`check`) writes
 * nothing but the outcomes and the keys of rows it would create: its changes are rolled back.
 */
export async function processBatch(
  tx: Tx,
  ctx: BatchContext,
  rows: readonly (readonly unknown[])[],
  from: number,
  to: number,
): Promise<RowOutcome[]> {
  if (ctx.phase === 'check') await sql`savepoint import_check`.execute(tx)
  const outcomes = await processRows(tx, ctx, rows, from, to)
  if (ctx.phase === 'check') {
    await sql`rollback to savepoint import_check`.execute(tx)
    await sql`release savepoint import_check`.execute(tx)
    const keys = outcomes.flatMap((o) =>
      o.action === 'create' ? o.keys.map((key) => ({ import_id: ctx.importId, key, row: o.row })) : [],
    )
    for (let i = 0; i < keys.length; i += 500)
      await tx
        .insertInto('import_row_keys')
        .values(keys.slice(i, i + 500))
        .execute()
  }
  for (let i = 0; i < outcomes.length; i += 200)
    await tx
      .insertInto('import_rows')
      .values(
        outcomes.slice(i, i + 200).map((o) => ({
          import_id: ctx.importId,
          phase: ctx.phase,
          row: o.row,
          action: o.action,
          client_id: ctx.phase === 'check' && o.action === 'create' ? null : o.clientId,
          name: o.name.slice(0, 500),
          errors: JSON.stringify(o.errors),
          before: o.before ? JSON.stringify(o.before) : null,
        })),
      )
      .execute()
  return outcomes
}
