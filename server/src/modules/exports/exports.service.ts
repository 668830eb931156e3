/**
 * Exporting the client list as the employee sees it (filter, visibility, sort, columns). Up to
 * `EXPORT_LIMITS.syncRows` rows the file is made at once and answered as a download; a bigger set runs
 * as an operation: each batch appends its rows to a part file in the storage's temporary folder (named
 * by its offset, so a retried batch rewrites its own part), and the last batch writes the file from the
 * parts with the streaming writers, stores it (the `files` table, bytes in `FileStorage`) and notifies
 * the creator, who alone may download it. Every export is audited: who, filter, sort, columns, format,
 * rows.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db, DialectKind, Tx } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { FileStorage } from '../../platform/files/file-storage.ts'
import { translate } from '../../platform/i18n/messages.ts'
import type { JobQueue } from '../../platform/jobs/job-queue.ts'
import { type Actor, hasPermission } from '../../platform/permissions/actor.ts'
import { canSee } from '../../platform/permissions/authorize.ts'
import {
  type ClientFilter,
  type ClientListItem,
  clientRowsByIds,
  orderedClientIdsFor,
} from '../clients/index.ts'
import { findCustomFields } from '../custom-fields/index.ts'
import { type OperationContext, type OperationStep, startOperation } from '../operations/index.ts'
import { type ExportColumn, resolveColumns, wallClock } from './exports.columns.ts'
import './exports.messages.ts'
import { classifierPaths, findExportFile, insertExportFile } from './exports.repository.ts'
import { CONTENT_TYPES, type ExportFormat, writeExport } from './exports.writer.ts'

export const EXPORT_OPERATION = 'clients.export'

/** Where an export stops being answered at once, and the rows per batch of a background one (tests lower them). */
export const EXPORT_LIMITS = { syncRows: 5_000, batchRows: 1_000 }

export interface ExportInput {
  filter: ClientFilter
  sort: string
  columns: string[]
  format: ExportFormat
}

export interface ExportContext {
  db: Db
  dialect: DialectKind
  jobs: JobQueue
}

export type ExportResult =
  | { kind: 'file'; name: string; contentType: string; body: Buffer; rows: number }
  | { kind: 'queued'; operationId: number; total: number }

interface ExportPayload {
  input: ExportInput
  ids: number[]
  locale: Actor['locale']
  timeZone: string
  name: string
}

async function columnsFor(db: Db | Tx, actor: Pick<Actor, 'locale' | 'timeZone'>, keys: string[]) {
  return resolveColumns(keys, {
    locale: actor.locale,
    timeZone: actor.timeZone,
    defs: await findCustomFields(db, 'client'),
    classifiers: await classifierPaths(db, actor.locale),
  })
}

function fileName(actor: Pick<Actor, 'locale' | 'timeZone'>, format: ExportFormat): string {
  const day = wallClock(new Date().toISOString(), actor.timeZone).toISOString().slice(0, 10)
  return `${translate(actor.locale, 'exports.file')}-${day}.${format}`
}

async function* rowsOf(db: Db | Tx, ids: number[], chunk: number): AsyncGenerator<ClientListItem> {
  for (let at = 0; at < ids.length; at += chunk) yield* await clientRowsByIds(db, ids.slice(at, at + chunk))
}

async function render(
  columns: ExportColumn[],
  rows: AsyncIterable<ClientListItem>,
  format: ExportFormat,
  locale: Actor['locale'],
): Promise<{ body: Buffer; rows: number }> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const count = await writeExport(out, columns, rows, {
    format,
    locale,
    sheetName: translate(locale, 'exports.sheet'),
  })
  return { body: Buffer.concat(chunks), rows: count }
}

function auditEntry(input: ExportInput, rows: number, operationId: number | null) {
  return {
    action: 'export',
    entityType: 'export',
    entityId: operationId ?? 0,
    after: {
      list: 'clients',
      format: input.format,
      filter: input.filter,
      sort: input.sort,
      columns: input.columns,
      rows,
      ...(operationId !== null ? { operationId } : {}),
    },
  }
}

/** Exports the list: the file itself for a small set, else a queued operation. */
export async function exportClients(
  ctx: ExportContext,
  source: AuditSource,
  input: ExportInput,
): Promise<ExportResult> {
  const { actor } = source
  const columns = await columnsFor(ctx.db, actor, input.columns)
  const ids = await orderedClientIdsFor(ctx.db, ctx.dialect, actor, input.filter, input.sort)
  const name = fileName(actor, input.format)
  if (ids.length <= EXPORT_LIMITS.syncRows) {
    const file = await render(
      columns,
      rowsOf(ctx.db, ids, EXPORT_LIMITS.batchRows),
      input.format,
      actor.locale,
    )
    await inTransaction(ctx.db, ({ tx }) => recordAudit(tx, source, auditEntry(input, file.rows, null)))
    return { kind: 'file', name, contentType: CONTENT_TYPES[input.format], ...file }
  }
  const payload: ExportPayload = { input, ids, locale: actor.locale, timeZone: actor.timeZone, name }
  const operationId = await inTransaction(ctx.db, ({ tx }) =>
    startOperation(tx, ctx.jobs, { type: EXPORT_OPERATION, actor, payload, total: ids.length }),
  )
  return { kind: 'queued', operationId, total: ids.length }
}

function partsDir(storage: FileStorage, operationId: number): string {
  return path.join(storage.root, 'tmp', `export-${operationId}`)
}

async function* readParts(dir: string): AsyncGenerator<ClientListItem> {
  const parts = (await fs.promises.readdir(dir))
    .filter((f) => f.endsWith('.jsonl'))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
  for (const part of parts) {
    const text = await fs.promises.readFile(path.join(dir, part), 'utf8')
    for (const line of text.split('\n')) if (line) yield JSON.parse(line) as ClientListItem
  }
}

/** One batch of a background export (wired in jobs.ts with the instance's file storage). */
export function exportStep(storage: FileStorage): OperationStep {
  return async (tx: Tx, op: OperationContext<ExportPayload, { at: number }>) => {
    const { actor } = op.source
    // Re-read each batch: an employee who lost the right, or a client they no longer see, stops here.
    if (!hasPermission(actor, 'clients.export')) throw AppError.forbidden()
    const { ids, input } = op.payload
    const at = op.cursor?.at ?? 0
    const slice = ids.slice(at, at + EXPORT_LIMITS.batchRows)
    const items = (await clientRowsByIds(tx, slice)).filter(
      (c) =>
        canSee(actor, { ownerId: c.owner?.id ?? null, teamId: c.team?.id ?? null }) &&
        (c.deletedAt !== null) === (input.filter.trash === true),
    )
    const dir = partsDir(storage, op.id)
    await fs.promises.mkdir(dir, { recursive: true })
    await fs.promises.writeFile(
      path.join(dir, `${at}.jsonl`),
      items.map((c) => `${JSON.stringify(c)}\n`).join(''),
    )
    const next = at + EXPORT_LIMITS.batchRows
    if (next < ids.length) return { processed: slice.length, next: { at: next } }

    const columns = await columnsFor(tx, op.payload, input.columns)
    const pass = new PassThrough()
    const saving = storage.save(pass)
    const rows = await writeExport(pass, columns, readParts(dir), {
      format: input.format,
      locale: op.payload.locale,
      sheetName: translate(op.payload.locale, 'exports.sheet'),
    })
    const stored = await saving
    const fileId = await insertExportFile(tx, {
      operationId: op.id,
      userId: actor.userId,
      name: op.payload.name,
      mime: CONTENT_TYPES[input.format],
      size: stored.size,
      sha256: stored.sha256,
      key: stored.key,
    })
    await recordAudit(tx, op.source, auditEntry(input, rows, op.id))
    await fs.promises.rm(dir, { recursive: true, force: true })
    return { processed: slice.length, counters: { rows, fileId }, next: null }
  }
}

/** The finished export's file, for the employee who started it (anyone else: 404). */
export async function getExportDownload(db: Db, actor: Actor, operationId: number) {
  const file = await findExportFile(db, operationId, actor.userId ?? -1, EXPORT_OPERATION)
  if (!file) throw AppError.notFound()
  return file
}
