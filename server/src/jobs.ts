import { REASSIGN_OPERATION, reassignStep } from './modules/clients/clients.actions.ts'
import { RECOMPUTE_JOB, recomputeCompletenessBatch } from './modules/clients/clients.settings.ts'
import { OPERATION_STEP_JOB, type OperationSteps, runOperationStep } from './modules/operations/index.ts'
import { purgeExpiredSessions } from './platform/auth/auth.repository.ts'
import type { AppContext } from './platform/http/context.ts'
import type { JobWorker } from './platform/jobs/worker.ts'

const HOUR = 3600_000

/** Every operation type (a bulk change run in batches) and the function that runs one batch. */
export const OPERATION_STEPS: OperationSteps = {
  [REASSIGN_OPERATION]: reassignStep,
}

/** Every background job of the product. Modules add theirs here. */
export function registerJobs(worker: JobWorker, ctx: AppContext): void {
  worker.register(RECOMPUTE_JOB, async (job) => {
    await recomputeCompletenessBatch(ctx.db, ctx.jobs, (job.payload as { afterId: number }).afterId)
  })
  worker.register(OPERATION_STEP_JOB, (job) => runOperationStep(ctx.db, ctx.jobs, OPERATION_STEPS, job))
  worker.registerRecurring('sessions.purge', HOUR, async () => {
    await purgeExpiredSessions(ctx.db)
  })
  worker.registerRecurring('jobs.purge', 24 * HOUR, async () => {
    await ctx.jobs.purgeFinished(14 * 24 * HOUR)
  })
}
