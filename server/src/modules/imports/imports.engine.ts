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
  type ClientDto,
  clientCard,
  clientCreateBody,
  clientUpdateBody,
  createClientIn,
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

/** An existing client for a key (not in the trash, not merged away), the lowest id first. */
async function clientForKey(tx: Tx, key: string): Promise<number | null> {
  const [type, ...rest] = key.split(':')
  const value = rest.join(':')
  let q = tx
    .selectFrom('clients as c')
    .select('c.id')
    .where('c.deleted_at', 'is', null)
    .where('c.merged_into_id', 'is', null)
    // `+c.id`, not `c.id`: ordering by the bare key lets SQLite walk the whole primary key looking for the
    // match instead of using the ИНН / channel index (a scan per row: an import slowed as the table grew).
    .orderBy(sql`+c.id`)
    .limit(1)
  if (type === 'ext')
    q = q.where(
      'c.id',
      'in',
      tx.selectFrom('client_external_ids').select('client_id').where('external_id', '=', value),
    )
  else if (type === 'inn') {
    const [inn, kpp] = value.split('/')
    q = q.where('c.inn', '=', inn!)
    if (kpp) q = q.where('c.kpp', '=', kpp)
  } else if (type === 'email' || type === 'phone')
    q = q.where(
      'c.id',
      'in',
      tx
        .selectFrom('contact_channels')
        .select('client_id')
        .where('type', '=', type)
        .where('normalized', '=', value)
        .where('client_id', 'is not', null)
        .$narrowType<{ client_id: number }>(),
    )
  else if (type === 'name') {
    const [kind, ...name] = value.split(':')
    q = q.where('c.kind', '=', kind as 'organization').where('c.name', '=', name.join(':'))
  } else return null
  return (await q.executeTakeFirst())?.id ?? null
}

async function findMatch(
  tx: Tx,
  ctx: BatchContext,
  row: number,
  keys: string[],
): Promise<{ clientId: number | null; repeat: boolean; virtualRow: number | null }> {
  const repeat = await tx
    .selectFrom('import_keys as k')
    .innerJoin('clients as c', 'c.id', 'k.client_id')
    .select('k.client_id')
    .where('k.sha256', '=', ctx.sha256)
    .where('k.row', '=', row)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst()
  if (repeat) return { clientId: repeat.client_id, repeat: true, virtualRow: null }
  for (const key of keys) {
    const id = await clientForKey(tx, key)
    if (id !== null) return { clientId: id, repeat: false, virtualRow: null }
  }
  if (ctx.phase === 'check' && keys.length) {
    const earlier = await tx
      .selectFrom('import_row_keys')
      .select('row')
      .where('import_id', '=', ctx.importId)
      .where('key', 'in', keys)
      .orderBy('row')
      .executeTakeFirst()
    if (earlier) return { clientId: null, repeat: false, virtualRow: earlier.row }
  }
  return { clientId: null, repeat: false, virtualRow: null }
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

async function processRow(
  tx: Tx,
  ctx: BatchContext,
  index: number,
  cells: readonly unknown[],
): Promise<RowOutcome> {
  const row = rowNumber(index)
  const c = convertRow(cells, ctx.mapping, ctx.settings, ctx.lookups)
  const out: RowOutcome = {
    row,
    action: 'error',
    clientId: null,
    name: c.name,
    errors: c.errors,
    before: null,
    keys: [],
  }
  if (c.errors.length) return out
  const keys = keysOf(c, ctx.settings.matchBy)
  const match = await findMatch(tx, ctx, row, keys)
  const policy = ctx.settings.policy
  if (match.repeat) return { ...out, action: 'skip', clientId: match.clientId }
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
    if (ctx.phase === 'run')
      await tx
        .insertInto('import_keys')
        .values({ sha256: ctx.sha256, row, client_id: target, import_id: ctx.importId })
        .onConflict((oc) =>
          oc.columns(['sha256', 'row']).doUpdateSet({ client_id: target!, import_id: ctx.importId }),
        )
        .execute()
    await sql`release savepoint import_row`.execute(tx)
    return result
  } catch (err) {
    await sql`rollback to savepoint import_row`.execute(tx)
    return { ...out, errors: problemsOf(err, c, ctx) }
  }
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
  const outcomes: RowOutcome[] = []
  if (ctx.phase === 'check') await sql`savepoint import_check`.execute(tx)
  for (let i = from; i < to && i < rows.length; i++) outcomes.push(await processRow(tx, ctx, i, rows[i]!))
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
