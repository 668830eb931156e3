import {
  dispatchDueReminders,
  ESCALATION_JOB,
  escalateOverdue,
  extendAllSeries,
  REMINDERS_DISPATCH_JOB,
  REMINDERS_TICK_MS,
  SERIES_JOB,
} from './modules/activities/index.ts'
import {
  applyRulesBatch,
  purgeIndexChanges,
  RULES_JOB,
  RULES_NIGHTLY_JOB,
} from './modules/classifiers/index.ts'
import { REASSIGN_OPERATION, reassignStep } from './modules/clients/clients.actions.ts'
import { CLASSIFY_OPERATION, classifyStep } from './modules/clients/clients.classification.ts'
import { RECOMPUTE_JOB, recomputeCompletenessBatch } from './modules/clients/clients.settings.ts'
import { EXPORT_OPERATION, exportStep } from './modules/exports/index.ts'
import { IMPORT_OPERATION, importStep } from './modules/imports/index.ts'
import { OPERATION_STEP_JOB, type OperationSteps, runOperationStep } from './modules/operations/index.ts'
import { purgeExpiredSessions } from './platform/auth/auth.repository.ts'
import { FileStorage } from './platform/files/file-storage.ts'
import type { AppContext } from './platform/http/context.ts'
import type { JobWorker } from './platform/jobs/worker.ts'
import { MAIL_SEND_JOB, mailSendHandler } from './platform/mail/index.ts'

const HOUR = 3600_000

/** Every operation type (a bulk change run in batches) and the function that runs one batch. */
export const OPERATION_STEPS: OperationSteps = {
  [REASSIGN_OPERATION]: reassignStep,
  [CLASSIFY_OPERATION]: classifyStep,
}

/** Every background job of the product. Modules add theirs here. */
export function registerJobs(worker: JobWorker, ctx: AppContext): void {
  worker.register(RECOMPUTE_JOB, async (job) => {
    await recomputeCompletenessBatch(ctx.db, ctx.jobs, (job.payload as { afterId: number }).afterId)
  })
  // Exports write files and imports read them: their step needs this instance's file storage.
  const steps: OperationSteps = {
    ...OPERATION_STEPS,
    [EXPORT_OPERATION]: exportStep(new FileStorage(ctx.config.filesDir)),
    [IMPORT_OPERATION]: importStep(new FileStorage(ctx.config.filesDir)),
  }
  worker.register(OPERATION_STEP_JOB, (job) => runOperationStep(ctx.db, ctx.jobs, steps, job))
  // Rule nodes: a batch of clients at a time, then the next batch.
  worker.register(RULES_JOB, async (job) => {
    const p = job.payload as { nodeIds?: number[]; afterId: number }
    const next = await applyRulesBatch(ctx.db, ctx.database.kind, p.nodeIds, p.afterId)
    if (next !== null) await ctx.jobs.enqueue(ctx.db, { type: RULES_JOB, payload: { ...p, afterId: next } })
  })
  // Nightly: rules with time in them (days since…) move clients without any edit.
  worker.registerRecurring(RULES_NIGHTLY_JOB, 24 * HOUR, async () => {
    await ctx.jobs.enqueue(ctx.db, { type: RULES_JOB, payload: { afterId: 0 } })
  })
  worker.registerRecurring('classifiers.purge_index_changes', HOUR, async () => {
    await purgeIndexChanges(ctx.db)
  })
  // Outgoing e-mail queued by enqueueMail() in the caller's transaction.
  worker.register(MAIL_SEND_JOB, mailSendHandler(ctx, worker.log))
  worker.registerRecurring('sessions.purge', HOUR, async () => {
    await purgeExpiredSessions(ctx.db)
  })
  // Reminders: due ones fired every few seconds (and at start-up, marked late if missed).
  const dispatchDeps = { ...ctx, batch: ctx.config.reminderBatch }
  worker.register(REMINDERS_DISPATCH_JOB, async () => {
    await dispatchDueReminders(dispatchDeps)
  })
  worker.registerRecurring(`${REMINDERS_DISPATCH_JOB}.tick`, REMINDERS_TICK_MS, async () => {
    await dispatchDueReminders(dispatchDeps)
  })
  // The ticks leave a finished row every few seconds: keep an hour of them.
  worker.registerRecurring('jobs.purge_ticks', HOUR, async () => {
    await ctx.jobs.purgeFinished(HOUR, `${REMINDERS_DISPATCH_JOB}.tick`)
    await ctx.jobs.purgeFinished(HOUR, ESCALATION_JOB)
  })
  worker.registerRecurring(ESCALATION_JOB, 60_000, async () => {
    await escalateOverdue(ctx.db)
  })
  worker.registerRecurring(SERIES_JOB, 6 * HOUR, async () => {
    await extendAllSeries(ctx.db)
  })
  worker.registerRecurring('jobs.purge', 24 * HOUR, async () => {
    await ctx.jobs.purgeFinished(14 * 24 * HOUR)
  })
}
