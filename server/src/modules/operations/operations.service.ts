import type { AuditSource } from '../../platform/audit/audit.ts'
import { loadActor } from '../../platform/auth/auth.repository.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction, nowIso } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { ClaimedJob, JobQueue } from '../../platform/jobs/job-queue.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { notify } from '../notifications/index.ts'
import type { OperationDto } from './operations.schemas.ts'

/** The job that runs one batch of an operation and enqueues the next. */
export const OPERATION_STEP_JOB = 'operations.step'

/** What a batch sees: who started the operation (re-read each batch, so a revoked right stops it), its input and where it stopped. */
export interface OperationContext<P = unknown, C = unknown> {
  id: number
  type: string
  source: AuditSource
  payload: P
  cursor: C | null
}

/** What a batch did: how many records it handled, counters to add to the result, and where to go on (null: finished). */
export interface StepOutcome<C = unknown> {
  processed: number
  counters?: Record<string, number>
  next: C | null
  /** The operation was stopped from outside (cancelled): it ends with what was done, not as complete. */
  stopped?: boolean
}

/** What to do when an operation fails for good (its job ran out of attempts), per operation type. */
export type OperationFailureHandler = (tx: Tx, payload: unknown) => Promise<void>
const failureHandlers = new Map<string, OperationFailureHandler>()

/** A module marks its own records failed when its operation fails (e.g. an import stuck "running"). */
export function onOperationFailure(type: string, handler: OperationFailureHandler): void {
  failureHandlers.set(type, handler)
}

// biome-ignore lint/suspicious/noExplicitAny: each step knows its own payload and cursor types
export type OperationStep = (tx: Tx, op: OperationContext<any, any>) => Promise<StepOutcome>

/** Operation types and their batch functions, given by the modules that define them (wired in `jobs.ts`). */
export type OperationSteps = Readonly<Record<string, OperationStep>>

/**
 * Starts a long operation in the caller's transaction: the row that shows its progress and the job that
 * runs its first batch exist exactly when the command commits.
 */
export async function startOperation(
  tx: Tx,
  jobs: JobQueue,
  input: { type: string; actor: Actor; payload: unknown; total: number; cursor?: unknown; done?: number },
): Promise<number> {
  const now = nowIso()
  const row = await tx
    .insertInto('operations')
    .values({
      type: input.type,
      status: 'queued',
      created_by: input.actor.userId,
      payload: JSON.stringify(input.payload ?? {}),
      cursor: input.cursor === undefined ? null : JSON.stringify(input.cursor),
      total: input.total,
      done: input.done ?? 0,
      result: '{}',
      error: null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await jobs.enqueue(tx, { type: OPERATION_STEP_JOB, payload: { operationId: row.id } })
  return row.id
}

function parse(text: string | null): unknown {
  return text === null ? null : JSON.parse(text)
}

/**
 * Runs the next batch of an operation in one transaction: the batch's changes, the progress and the
 * cursor commit together, so a batch retried after a crash starts where the last commit left off. The
 * row is claimed with an `UPDATE` (a row lock on PostgreSQL), so two workers never run one operation
 * at once. When the last batch is done the creator is notified.
 */
export async function runOperationStep(
  db: Db,
  jobs: JobQueue,
  steps: OperationSteps,
  job: ClaimedJob,
): Promise<void> {
  const { operationId } = job.payload as { operationId: number }
  try {
    await inTransaction(db, async (uow) => {
      const { tx } = uow
      const row = await tx
        .updateTable('operations')
        .set({ status: 'running', updated_at: nowIso() })
        .where('id', '=', operationId)
        .where('status', 'in', ['queued', 'running'])
        .returningAll()
        .executeTakeFirst()
      if (!row) return
      const step = steps[row.type]
      if (!step) throw new Error(`no step for operation type "${row.type}"`)
      const actor = row.created_by === null ? undefined : await loadActor(tx, row.created_by)
      if (!actor) throw new Error('the employee who started the operation no longer exists')
      const outcome = await step(tx, {
        id: row.id,
        type: row.type,
        source: { actor, source: 'job' },
        payload: parse(row.payload),
        cursor: parse(row.cursor),
      })
      const result = parse(row.result) as Record<string, number>
      for (const [k, v] of Object.entries(outcome.counters ?? {})) result[k] = (result[k] ?? 0) + v
      const finished = outcome.next === null
      const now = nowIso()
      const done =
        finished && !outcome.stopped
          ? Math.max(row.total, row.done + outcome.processed)
          : row.done + outcome.processed
      await tx
        .updateTable('operations')
        .set({
          status: finished ? 'done' : 'running',
          done,
          total: Math.max(row.total, done),
          cursor: finished ? null : JSON.stringify(outcome.next),
          result: JSON.stringify(result),
          updated_at: now,
          finished_at: finished ? now : null,
        })
        .where('id', '=', row.id)
        .execute()
      if (!finished) {
        await jobs.enqueue(tx, { type: OPERATION_STEP_JOB, payload: { operationId: row.id } })
      } else if (row.created_by !== null && !outcome.stopped) {
        await notify(uow, {
          userId: row.created_by,
          type: 'operation.done',
          payload: { operationId: row.id, operationType: row.type, ...result },
        })
      }
    })
  } catch (err) {
    if (job.attempts >= job.maxAttempts) await failOperation(db, operationId, err)
    throw err
  }
}

async function failOperation(db: Db, operationId: number, err: unknown): Promise<void> {
  await inTransaction(db, async (uow) => {
    const { tx } = uow
    const now = nowIso()
    const row = await tx
      .updateTable('operations')
      .set({
        status: 'failed',
        error: (err instanceof Error ? err.message : String(err)).slice(0, 2000),
        updated_at: now,
        finished_at: now,
      })
      .where('id', '=', operationId)
      .where('status', 'in', ['queued', 'running'])
      .returning(['id', 'type', 'created_by', 'payload'])
      .executeTakeFirst()
    const handler = row ? failureHandlers.get(row.type) : undefined
    if (row && handler) await handler(tx, parse(row.payload))
    if (row?.created_by != null) {
      await notify(uow, {
        userId: row.created_by,
        type: 'operation.failed',
        payload: { operationId: row.id, operationType: row.type },
      })
    }
  })
}

function toDto(row: {
  id: number
  type: string
  status: OperationDto['status']
  total: number
  done: number
  result: string
  error: string | null
  created_at: string
  finished_at: string | null
}): OperationDto {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    total: row.total,
    done: row.done,
    result: JSON.parse(row.result) as Record<string, number>,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  }
}

/** An operation as its creator sees it (nobody else: another's id answers 404). */
export async function getOperation(db: Db, actor: Actor, id: number): Promise<OperationDto> {
  const row = await db
    .selectFrom('operations')
    .selectAll()
    .where('id', '=', id)
    .where('created_by', '=', actor.userId ?? -1)
    .executeTakeFirst()
  if (!row) throw AppError.notFound()
  return toDto(row)
}

/** The employee's latest operations, newest first. */
export async function listOperations(db: Db, actor: Actor, limit: number): Promise<OperationDto[]> {
  const rows = await db
    .selectFrom('operations')
    .selectAll()
    .where('created_by', '=', actor.userId ?? -1)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toDto)
}
