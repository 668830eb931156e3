import { RECOMPUTE_JOB, recomputeCompletenessBatch } from './modules/clients/clients.settings.ts'
import { purgeExpiredSessions } from './platform/auth/auth.repository.ts'
import type { AppContext } from './platform/http/context.ts'
import type { JobWorker } from './platform/jobs/worker.ts'

const HOUR = 3600_000

/** Every background job of the product. Modules add theirs here. */
export function registerJobs(worker: JobWorker, ctx: AppContext): void {
  worker.register(RECOMPUTE_JOB, async (job) => {
    await recomputeCompletenessBatch(ctx.db, ctx.jobs, (job.payload as { afterId: number }).afterId)
  })
  worker.registerRecurring('sessions.purge', HOUR, async () => {
    await purgeExpiredSessions(ctx.db)
  })
  worker.registerRecurring('jobs.purge', 24 * HOUR, async () => {
    await ctx.jobs.purgeFinished(14 * 24 * HOUR)
  })
}
