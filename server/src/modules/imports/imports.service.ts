/**
 * The import wizard's commands: upload (stored privately, read, columns guessed or remembered), mapping
 * and settings, dry run, run, cancel, rollback and the rejected-rows report. Big runs are operations:
 * each batch of rows commits with its cursor, so a crashed server resumes at the next batch.
 */
import { Readable } from 'node:stream'
import { sql } from 'kysely'
import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import { type Db, dialectOf, type Tx } from '../../platform/db/database.ts'
import type { ImportStatus } from '../../platform/db/schema.ts'
import { inTransaction, nowIso } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { FileStorage } from '../../platform/files/file-storage.ts'
import { translate } from '../../platform/i18n/messages.ts'
import type { JobQueue } from '../../platform/jobs/job-queue.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { requirePermission } from '../../platform/permissions/authorize.ts'
import { trashClientIn, updateClientIn } from '../clients/index.ts'
import { findCustomFields } from '../custom-fields/index.ts'
import { neutralizeFormula } from '../exports/index.ts'
import {
  type OperationContext,
  type OperationStep,
  onOperationFailure,
  startOperation,
} from '../operations/index.ts'
import { type BatchContext, processBatch, type RowOutcome } from './imports.engine.ts'
import './imports.messages.ts'
import { DEFAULT_SETTINGS, type ImportSettings, loadLookups, type RowError } from './imports.rows.ts'
import { foldHeader, guessMapping, headerSignature, IMPORT_FIELDS } from './mapping.ts'
import { readTable, type Table } from './read-table.ts'

export const IMPORT_OPERATION = 'imports.step'
/** Rows per transaction of a background run. */
export const IMPORT_BATCH = 500
/** Dry runs up to this many rows answer at once. */
export const CHECK_AT_ONCE = 2000

export interface ImportsContext {
  db: Db
  jobs: JobQueue
  storage: FileStorage
}

export interface ImportReport {
  total: number
  create: number
  update: number
  skip: number
  error: number
}

export interface ImportDto {
  id: number
  status: ImportStatus
  fileName: string
  format: Table['format']
  headers: string[]
  sample: string[][]
  rowCount: number
  mapping: Array<string | null>
  settings: ImportSettings
  report: ImportReport | null
  operationId: number | null
  createdAt: string
  version: number
}

type ImportRow = NonNullable<Awaited<ReturnType<typeof findRow>>>

function findRow(db: Db | Tx, id: number) {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst()
}

// Parsed files, by storage key and sheet: a run reads its file once per instance, not once per batch.
const tables = new Map<string, Table>()

export async function loadTable(storage: FileStorage, key: string, sheet?: string | null): Promise<Table> {
  const cacheKey = `${key}|${sheet ?? ''}`
  const hit = tables.get(cacheKey)
  if (hit) return hit
  const chunks: Buffer[] = []
  for await (const chunk of storage.open(key)) chunks.push(chunk as Buffer)
  let table: Table
  try {
    table = await readTable(new Uint8Array(Buffer.concat(chunks)), sheet ? { sheet } : {})
  } catch (cause) {
    throw new AppError('validation', { fields: { file: { key: 'imports.unreadable' } }, cause })
  }
  if (tables.size >= 4) tables.delete(tables.keys().next().value as string)
  tables.set(cacheKey, table)
  return table
}

const cellText = (v: unknown): string =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)

function sheetOf(row: ImportRow): string | null {
  const f = JSON.parse(row.format) as Table['format']
  return f.kind === 'xlsx' ? f.sheet : null
}

async function toDto(storage: FileStorage, row: ImportRow): Promise<ImportDto> {
  const table = await loadTable(storage, row.storage_key, sheetOf(row))
  return {
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    format: table.format,
    headers: table.headers,
    sample: table.rows.slice(0, 20).map((r) => table.headers.map((_, i) => cellText(r[i]))),
    rowCount: table.rows.length,
    mapping: JSON.parse(row.mapping) as Array<string | null>,
    settings: JSON.parse(row.settings) as ImportSettings,
    report: row.report ? (JSON.parse(row.report) as ImportReport) : null,
    operationId: row.operation_id,
    createdAt: row.created_at,
    version: row.version,
  }
}

/** Column guesses: standard fields, custom fields by label, classifiers by name; else the last mapping of the same header row. */
async function initialMapping(db: Db, headers: string[]): Promise<Array<string | null>> {
  const signature = headerSignature(headers)
  const last = await db
    .selectFrom('imports')
    .select('mapping')
    .where('header_signature', '=', signature)
    .where('status', 'in', ['checked', 'running', 'done', 'rolled_back'])
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (last) return JSON.parse(last.mapping) as Array<string | null>
  const defs = await findCustomFields(db, 'client')
  const mapping: Array<string | null> = guessMapping(headers, defs)
  const classifiers = await db.selectFrom('classifiers').select(['id', 'name_ru', 'name_en']).execute()
  headers.forEach((h, i) => {
    const c = classifiers.find((x) => [x.name_ru, x.name_en].map(foldHeader).includes(foldHeader(h)))
    if (c && (mapping[i] === null || mapping[i] === 'classifier') && !mapping.includes(`classifier:${c.id}`))
      mapping[i] = `classifier:${c.id}`
  })
  return mapping
}

export async function uploadImport(
  ctx: ImportsContext,
  source: AuditSource,
  file: { name: string; bytes: Buffer },
): Promise<ImportDto> {
  let table: Table
  try {
    table = await readTable(new Uint8Array(file.bytes))
  } catch (cause) {
    throw new AppError('validation', { fields: { file: { key: 'imports.unreadable' } }, cause })
  }
  if (!table.headers.length) throw AppError.field('file', 'imports.empty')
  const stored = await ctx.storage.save(Readable.from([file.bytes]))
  tables.set(`${stored.key}|${table.format.kind === 'xlsx' ? table.format.sheet : ''}`, table)
  const now = nowIso()
  const mapping = await initialMapping(ctx.db, table.headers)
  const row = await inTransaction(ctx.db, async ({ tx }) => {
    const inserted = await tx
      .insertInto('imports')
      .values({
        created_by: source.actor.userId,
        status: 'uploaded',
        file_name: file.name,
        storage_key: stored.key,
        sha256: stored.sha256,
        size: stored.size,
        format: JSON.stringify(table.format),
        headers: JSON.stringify(table.headers),
        header_signature: headerSignature(table.headers),
        row_count: table.rows.length,
        mapping: JSON.stringify(mapping),
        settings: JSON.stringify({ ...DEFAULT_SETTINGS, ownerId: null }),
        report: null,
        operation_id: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, source, {
      action: 'upload',
      entityType: 'import',
      entityId: inserted.id,
      changes: { file: { to: file.name }, rows: { to: table.rows.length } },
    })
    return inserted
  })
  return toDto(ctx.storage, row)
}

/** The creator's import, or any for an administrator; others get 404. */
async function loadFor(db: Db | Tx, actor: Actor, id: number): Promise<ImportRow> {
  const row = await findRow(db, id)
  if (!row || (row.created_by !== actor.userId && actor.roleCode !== 'admin' && actor.kind !== 'system'))
    throw AppError.notFound()
  return row
}

export async function getImport(ctx: ImportsContext, actor: Actor, id: number): Promise<ImportDto> {
  return toDto(ctx.storage, await loadFor(ctx.db, actor, id))
}

export async function listImports(ctx: ImportsContext, actor: Actor) {
  const rows = await ctx.db
    .selectFrom('imports')
    .selectAll()
    .where('created_by', '=', actor.userId ?? -1)
    .orderBy('id', 'desc')
    .limit(50)
    .execute()
  return Promise.all(rows.map((r) => toDto(ctx.storage, r)))
}

const EDITABLE: ImportStatus[] = ['uploaded', 'checked', 'failed', 'cancelled']

export async function updateImport(
  ctx: ImportsContext,
  actor: Actor,
  id: number,
  version: number,
  patch: { sheet?: string; mapping?: Array<string | null>; settings?: Partial<ImportSettings> },
): Promise<ImportDto> {
  const row = await loadFor(ctx.db, actor, id)
  if (row.version !== version) throw new AppError('precondition_failed')
  if (!EDITABLE.includes(row.status)) throw new AppError('conflict', { key: 'imports.wrong_status' })
  let format = JSON.parse(row.format) as Table['format']
  let headers = JSON.parse(row.headers) as string[]
  let mapping = JSON.parse(row.mapping) as Array<string | null>
  let rowCount = row.row_count
  if (patch.sheet !== undefined && format.kind === 'xlsx' && patch.sheet !== format.sheet) {
    if (!format.sheets.includes(patch.sheet))
      throw AppError.field('sheet', 'imports.bad_sheet', { value: patch.sheet })
    const table = await loadTable(ctx.storage, row.storage_key, patch.sheet)
    format = table.format
    headers = table.headers
    rowCount = table.rows.length
    mapping = await initialMapping(ctx.db, headers)
  }
  if (patch.mapping) {
    mapping = headers.map((_, i) => patch.mapping![i] ?? null)
    await validateMapping(ctx.db, mapping)
  }
  const settings = { ...(JSON.parse(row.settings) as ImportSettings), ...patch.settings }
  const updated = await ctx.db
    .updateTable('imports')
    .set({
      format: JSON.stringify(format),
      headers: JSON.stringify(headers),
      header_signature: headerSignature(headers),
      row_count: rowCount,
      mapping: JSON.stringify(mapping),
      settings: JSON.stringify(settings),
      status: 'uploaded',
      report: null,
      version: row.version + 1,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
  if (!updated) throw new AppError('precondition_failed')
  return toDto(ctx.storage, updated)
}

async function validateMapping(db: Db, mapping: Array<string | null>): Promise<void> {
  const defs = await findCustomFields(db, 'client')
  const classifierIds = new Set((await db.selectFrom('classifiers').select('id').execute()).map((c) => c.id))
  const seen = new Set<string>()
  mapping.forEach((field, i) => {
    if (field === null) return
    const known =
      (IMPORT_FIELDS as readonly string[]).includes(field) ||
      (field.startsWith('custom.') && defs.some((d) => `custom.${d.key}` === field)) ||
      (/^classifier:\d+$/.test(field) && classifierIds.has(Number(field.slice(11))))
    if (!known) throw AppError.field(`mapping.${i}`, 'imports.unknown_field', { value: field })
    if (seen.has(field) && field !== 'classifier')
      throw AppError.field(`mapping.${i}`, 'imports.field_twice', { value: field })
    seen.add(field)
  })
}

function batchContext(
  row: ImportRow,
  source: AuditSource,
  phase: 'check' | 'run',
): Omit<BatchContext, 'lookups'> {
  return {
    importId: row.id,
    sha256: row.sha256,
    mapping: JSON.parse(row.mapping) as Array<string | null>,
    settings: JSON.parse(row.settings) as ImportSettings,
    source: { ...source, source: 'import' },
    phase,
  }
}

async function reportOf(tx: Db | Tx, importId: number, phase: 'check' | 'run'): Promise<ImportReport> {
  const counts = await tx
    .selectFrom('import_rows')
    .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('import_id', '=', importId)
    .where('phase', '=', phase)
    .groupBy('action')
    .execute()
  const report: ImportReport = { total: 0, create: 0, update: 0, skip: 0, error: 0 }
  for (const c of counts) {
    report[c.action] = Number(c.n)
    report.total += Number(c.n)
  }
  return report
}

async function clearPhase(tx: Tx, importId: number, phase: 'check' | 'run') {
  await tx.deleteFrom('import_rows').where('import_id', '=', importId).where('phase', '=', phase).execute()
  if (phase === 'check') await tx.deleteFrom('import_row_keys').where('import_id', '=', importId).execute()
}

/** Dry run: at once for small files (200 with the Import), else an operation (202). */
export async function checkImport(
  ctx: ImportsContext,
  source: AuditSource,
  id: number,
): Promise<{ kind: 'done'; import: ImportDto } | { kind: 'queued'; operationId: number }> {
  const row = await loadFor(ctx.db, source.actor, id)
  if (!EDITABLE.includes(row.status)) throw new AppError('conflict', { key: 'imports.wrong_status' })
  const table = await loadTable(ctx.storage, row.storage_key, sheetOf(row))
  if (table.rows.length > CHECK_AT_ONCE) {
    const operationId = await inTransaction(ctx.db, async ({ tx }) => {
      await clearPhase(tx, id, 'check')
      const opId = await startOperation(tx, ctx.jobs, {
        type: IMPORT_OPERATION,
        actor: source.actor,
        payload: { importId: id, phase: 'check' },
        total: table.rows.length,
      })
      await setStatus(tx, id, 'checking', { operation_id: opId, report: null })
      return opId
    })
    return { kind: 'queued', operationId }
  }
  await inTransaction(ctx.db, async ({ tx }) => {
    await clearPhase(tx, id, 'check')
    const bc = { ...batchContext(row, source, 'check'), lookups: await loadLookups(tx, source.actor.locale) }
    await processBatch(tx, bc, table.rows, 0, table.rows.length)
    await setStatus(tx, id, 'checked', { report: JSON.stringify(await reportOf(tx, id, 'check')) })
  })
  return { kind: 'done', import: await getImport(ctx, source.actor, id) }
}

/** The import's row, locked until the transaction ends on PostgreSQL (SQLite has one writer anyway). */
async function lockRow(tx: Tx, id: number): Promise<ImportRow | undefined> {
  return (await tx
    .selectFrom('imports')
    .selectAll()
    .where('id', '=', id)
    .$if(dialectOf(tx) === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst()) as ImportRow | undefined
}

/** An import whose operation failed for good is marked failed (it can be run again, or rolled back). */
onOperationFailure(IMPORT_OPERATION, async (tx, payload) => {
  const { importId, phase } = payload as { importId: number; phase: 'check' | 'run' | 'rollback' }
  const row = await lockRow(tx, importId)
  if (!row || !['checking', 'running'].includes(row.status)) return
  await setStatus(tx, importId, phase === 'check' ? 'uploaded' : 'failed', {
    report: JSON.stringify(await reportOf(tx, importId, phase === 'check' ? 'check' : 'run')),
  })
})

async function setStatus(
  tx: Tx,
  id: number,
  status: ImportStatus,
  more: { operation_id?: number | null; report?: string | null } = {},
) {
  await tx
    .updateTable('imports')
    .set((eb) => ({ status, ...more, version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .execute()
}

/** The real import, as an operation in batches. */
export async function runImport(ctx: ImportsContext, source: AuditSource, id: number): Promise<number> {
  const row = await loadFor(ctx.db, source.actor, id)
  if (!EDITABLE.includes(row.status)) throw new AppError('conflict', { key: 'imports.wrong_status' })
  return inTransaction(ctx.db, async ({ tx }) => {
    // A cancelled (or failed) run goes on where it stopped: the rows it did stay as they are, so a later
    // rollback still finds every client it created.
    const done = await tx
      .selectFrom('import_rows')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('row').as('last')])
      .where('import_id', '=', id)
      .where('phase', '=', 'run')
      .executeTakeFirstOrThrow()
    const resumed = Number(done.n) > 0
    const opId = await startOperation(tx, ctx.jobs, {
      type: IMPORT_OPERATION,
      actor: source.actor,
      payload: { importId: id, phase: 'run' },
      total: row.row_count,
      ...(resumed ? { cursor: { next: Number(done.last) - 1 }, done: Number(done.n) } : {}),
    })
    await setStatus(tx, id, 'running', { operation_id: opId, report: null })
    await recordAudit(
      tx,
      { ...source, source: 'import' },
      {
        action: 'run',
        entityType: 'import',
        entityId: id,
        changes: { rows: { to: row.row_count } },
      },
    )
    return opId
  })
}

export async function cancelImport(ctx: ImportsContext, actor: Actor, id: number): Promise<ImportDto> {
  const row = await loadFor(ctx.db, actor, id)
  if (row.status !== 'running' && row.status !== 'checking')
    throw new AppError('conflict', { key: 'imports.wrong_status' })
  await inTransaction(ctx.db, async ({ tx }) => {
    // Waits for a batch in progress (it holds the row), then sees the status it left.
    const current = await lockRow(tx, id)
    if (!current || (current.status !== 'running' && current.status !== 'checking'))
      throw new AppError('conflict', { key: 'imports.wrong_status' })
    const phase = current.status === 'running' ? 'run' : 'check'
    await setStatus(tx, id, 'cancelled', { report: JSON.stringify(await reportOf(tx, id, phase)) })
  })
  return getImport(ctx, actor, id)
}

/** Rollback as an operation: clients the import created go to the trash, updated fields get their old values. */
export async function rollbackImport(ctx: ImportsContext, source: AuditSource, id: number): Promise<number> {
  const row = await loadFor(ctx.db, source.actor, id)
  // Undoing creates means moving those clients to the trash: the importer needs that right.
  requirePermission(source.actor, 'clients.delete')
  if (!['done', 'cancelled', 'failed'].includes(row.status))
    throw new AppError('conflict', { key: 'imports.wrong_status' })
  const total = await ctx.db
    .selectFrom('import_rows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('import_id', '=', id)
    .where('phase', '=', 'run')
    .where('action', 'in', ['create', 'update'])
    .executeTakeFirstOrThrow()
  return inTransaction(ctx.db, async ({ tx }) => {
    const opId = await startOperation(tx, ctx.jobs, {
      type: IMPORT_OPERATION,
      actor: source.actor,
      payload: { importId: id, phase: 'rollback' },
      total: Number(total.n),
    })
    await setStatus(tx, id, 'running', { operation_id: opId })
    await recordAudit(
      tx,
      { ...source, source: 'import' },
      { action: 'rollback', entityType: 'import', entityId: id, changes: { rows: { to: Number(total.n) } } },
    )
    return opId
  })
}

/** One batch of a dry run, a run or a rollback (wired in jobs.ts with the instance's file storage). */
export function importStep(storage: FileStorage): OperationStep {
  return async (
    tx,
    op: OperationContext<{ importId: number; phase: 'check' | 'run' | 'rollback' }, { next: number }>,
  ) => {
    const row = await lockRow(tx, op.payload.importId)
    const expected = op.payload.phase === 'check' ? 'checking' : 'running'
    if (!row || row.status !== expected || row.operation_id !== op.id)
      return { processed: 0, next: null, stopped: true }
    const source: AuditSource = { ...op.source, source: 'import' }
    if (op.payload.phase === 'rollback') return rollbackBatch(tx, row, source, op.cursor?.next ?? 0)
    const table = await loadTable(storage, row.storage_key, sheetOf(row))
    const from = op.cursor?.next ?? 0
    const to = Math.min(from + IMPORT_BATCH, table.rows.length)
    const bc = {
      ...batchContext(row, source, op.payload.phase),
      lookups: await loadLookups(tx, source.actor.locale),
    }
    const outcomes = await processBatch(tx, bc, table.rows, from, to)
    const finished = to >= table.rows.length
    if (finished) {
      const report = await reportOf(tx, row.id, op.payload.phase)
      await setStatus(tx, row.id, op.payload.phase === 'check' ? 'checked' : 'done', {
        report: JSON.stringify(report),
      })
    }
    return { processed: to - from, counters: countersOf(outcomes), next: finished ? null : { next: to } }
  }
}

function countersOf(outcomes: RowOutcome[]): Record<string, number> {
  const c: Record<string, number> = {}
  for (const o of outcomes) c[o.action] = (c[o.action] ?? 0) + 1
  return c
}

async function rollbackBatch(tx: Tx, row: ImportRow, source: AuditSource, after: number) {
  const rows = await tx
    .selectFrom('import_rows')
    .select(['row', 'action', 'client_id', 'before'])
    .where('import_id', '=', row.id)
    .where('phase', '=', 'run')
    .where('action', 'in', ['create', 'update'])
    .$if(after > 0, (q) => q.where('row', '<', after))
    .orderBy('row', 'desc')
    .limit(IMPORT_BATCH)
    .execute()
  let failed = 0
  for (const r of rows) {
    if (r.client_id === null) continue
    await sql.raw('savepoint import_undo').execute(tx)
    try {
      if (r.action === 'create') {
        await trashClientIn(tx, source, r.client_id)
        await tx
          .deleteFrom('import_keys')
          .where('client_id', '=', r.client_id)
          .where('import_id', '=', row.id)
          .execute()
      } else if (r.before) {
        const before = JSON.parse(r.before) as Record<string, unknown>
        const patch: Record<string, unknown> = {}
        const custom: Record<string, unknown> = {}
        for (const [k, v] of Object.entries(before)) {
          if (k.startsWith('custom.')) custom[k.slice(7)] = v
          else patch[k] = v
        }
        if (Object.keys(custom).length) patch.custom = custom
        const current = await tx
          .selectFrom('clients')
          .select('version')
          .where('id', '=', r.client_id)
          .executeTakeFirstOrThrow()
        await updateClientIn(tx, source, r.client_id, current.version, patch)
      }
      await sql.raw('release savepoint import_undo').execute(tx)
    } catch {
      await sql.raw('rollback to savepoint import_undo').execute(tx)
      failed++
    }
  }
  const finished = rows.length < IMPORT_BATCH
  if (finished) {
    // The file is no longer "already imported": the same file again creates and updates afresh.
    await tx.deleteFrom('import_keys').where('import_id', '=', row.id).execute()
    await setStatus(tx, row.id, 'rolled_back')
  }
  return {
    processed: rows.length,
    counters: { undone: rows.length - failed, failed },
    next: finished ? null : { next: rows.at(-1)!.row },
  }
}

export async function findImportRows(
  ctx: ImportsContext,
  actor: Actor,
  id: number,
  query: { status?: 'error' | 'create' | 'update' | 'skip'; page: number; pageSize: number },
) {
  const row = await loadFor(ctx.db, actor, id)
  const phase = ['running', 'done', 'cancelled', 'rolled_back'].includes(row.status) ? 'run' : 'check'
  let q = ctx.db.selectFrom('import_rows').where('import_id', '=', id).where('phase', '=', phase)
  if (query.status) q = q.where('action', '=', query.status)
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const items = await q
    .select(['row', 'action', 'client_id', 'name', 'errors'])
    .orderBy('row')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return {
    items: items.map((r) => ({
      row: r.row,
      action: r.action,
      clientId: r.client_id,
      name: r.name,
      errors: JSON.parse(r.errors) as RowError[],
    })),
    total: Number(total.n),
  }
}

/** The rejected rows with their reasons, as a CSV (UTF-8 with BOM, `;`, formula-like cells neutralized). */
export async function rejectedRowsCsv(
  ctx: ImportsContext,
  actor: Actor,
  id: number,
): Promise<{ name: string; body: string }> {
  const row = await loadFor(ctx.db, actor, id)
  const t = (k: string) => translate(actor.locale, k)
  const phase = ['running', 'done', 'cancelled', 'rolled_back'].includes(row.status) ? 'run' : 'check'
  const headers = JSON.parse(row.headers) as string[]
  const rows = await ctx.db
    .selectFrom('import_rows')
    .select(['row', 'name', 'errors'])
    .where('import_id', '=', id)
    .where('phase', '=', phase)
    .where('action', '=', 'error')
    .orderBy('row')
    .execute()
  const quote = (s: string) => {
    const v = neutralizeFormula(s)
    return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
  }
  const lines = [
    [
      t('imports.report.row'),
      t('imports.report.name'),
      t('imports.report.column'),
      t('imports.report.field'),
      t('imports.report.error'),
    ],
  ]
  for (const r of rows)
    for (const e of JSON.parse(r.errors) as RowError[])
      lines.push([
        String(r.row),
        r.name,
        e.column === null ? '' : (headers[e.column] ?? ''),
        e.field,
        e.message,
      ])
  return {
    name: `${t('imports.report.file')}-${row.id}.csv`,
    body: `\ufeff${lines.map((l) => l.map(quote).join(';')).join('\r\n')}\r\n`,
  }
}
