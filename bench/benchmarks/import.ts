import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { OPERATION_STEPS } from '../../server/src/jobs.ts'
import { makeInn } from '../../server/src/modules/clients/index.ts'
import { runImport, uploadImport } from '../../server/src/modules/imports/imports.service.ts'
import { IMPORT_OPERATION, importStep } from '../../server/src/modules/imports/index.ts'
import { runOperationStep } from '../../server/src/modules/operations/index.ts'
import { createUser, findRoleIdByCode } from '../../server/src/modules/staff/index.ts'
import { loadActor } from '../../server/src/platform/auth/auth.repository.ts'
import { prepareDatabase } from '../../server/src/platform/bootstrap.ts'
import { migrateToLatest, openDatabase } from '../../server/src/platform/db/database.ts'
import { FileStorage } from '../../server/src/platform/files/file-storage.ts'
import { JobQueue } from '../../server/src/platform/jobs/job-queue.ts'
import { SYSTEM_ACTOR } from '../../server/src/platform/permissions/actor.ts'
import type { Benchmark } from '../support.ts'

const ROWS = Number(process.env.CRM_BENCH_IMPORT_ROWS ?? 100_000)

/** A Russian Excel export of organizations: `;`, unique valid ИНН, phones and e-mails, 1% duplicates of earlier rows. */
function generateCsv(rows: number): Buffer {
  const lines = ['Наименование;ИНН;Телефон;E-mail;Отрасль;Источник']
  for (let i = 0; i < rows; i++) {
    const n = i % 100 === 99 ? i - 50 : i
    const body = String(1_000_000_000 + n).slice(1)
    lines.push(
      `ООО «Компания ${n}»;${makeInn('organization', body)};+7 (9${String(n).padStart(9, '0').slice(0, 2)}) ${String(n).padStart(7, '0')};info${n}@company${n}.example;Торговля;выставка`,
    )
  }
  return Buffer.from(lines.join('\r\n'))
}

/** 100,000 organization rows from CSV through the real service path into a fresh SQLite database. */
export const importBench: Benchmark = {
  name: 'import',
  description: `import of ${ROWS.toLocaleString('en')} organization rows from CSV (validated, deduplicated, audited), SQLite`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-bench-import-'))
    const handle = openDatabase({ kind: 'sqlite', file: path.join(dir, 'crm.db') })
    try {
      await migrateToLatest(handle.db)
      await prepareDatabase(handle.db)
      const roleId = (await findRoleIdByCode(handle.db, 'admin'))!
      await createUser(
        handle.db,
        { actor: SYSTEM_ACTOR, source: 'bench' },
        {
          email: 'bench@example.com',
          name: 'Bench',
          position: '',
          phone: '',
          password: 'Bench-Password-1',
          roleId,
          teamId: null,
          locale: 'ru',
        },
        { locale: 'ru', timeZone: 'Europe/Moscow' },
      )
      const user = await handle.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
      const actor = (await loadActor(handle.db, user.id))!
      const storage = new FileStorage(path.join(dir, 'files'))
      const jobs = JobQueue.forDatabase(handle)
      const ctx = { db: handle.db, jobs, storage }
      const csv = generateCsv(ROWS)
      const t0 = performance.now()
      const imp = await uploadImport(ctx, { actor, source: 'bench' }, { name: 'clients.csv', bytes: csv })
      const tUpload = performance.now()
      await runImport(ctx, { actor, source: 'bench' }, imp.id)
      const steps = { ...OPERATION_STEPS, [IMPORT_OPERATION]: importStep(storage) }
      for (;;) {
        const claimed = await jobs.claim(10, 600_000)
        if (!claimed.length) break
        for (const job of claimed) {
          await runOperationStep(handle.db, jobs, steps, job)
          await jobs.complete(job.id)
        }
      }
      const seconds = (performance.now() - t0) / 1000
      // The same file again: every row recognised as already imported, nothing created.
      const t1 = performance.now()
      const again = await uploadImport(ctx, { actor, source: 'bench' }, { name: 'clients.csv', bytes: csv })
      await runImport(ctx, { actor, source: 'bench' }, again.id)
      for (;;) {
        const claimed = await jobs.claim(10, 600_000)
        if (!claimed.length) break
        for (const job of claimed) {
          await runOperationStep(handle.db, jobs, steps, job)
          await jobs.complete(job.id)
        }
      }
      const secondsAgain = (performance.now() - t1) / 1000
      const againRow = await handle.db
        .selectFrom('imports')
        .select('report')
        .where('id', '=', again.id)
        .executeTakeFirstOrThrow()
      const againReport = JSON.parse(againRow.report ?? '{}') as Record<string, number>
      const row = await handle.db
        .selectFrom('imports')
        .select('report')
        .where('id', '=', imp.id)
        .executeTakeFirstOrThrow()
      const report = JSON.parse(row.report ?? '{}') as Record<string, number>
      const audit = await handle.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('source', '=', 'import')
        .executeTakeFirstOrThrow()
      const note = `created ${report.create}, skipped ${report.skip}, errors ${report.error}, audit entries ${audit.n}; target ≤ 30 s`
      return [
        {
          benchmark: 'import',
          name: `${ROWS} rows, total (upload + run)`,
          value: Math.round(seconds * 10) / 10,
          unit: 's',
          note,
        },
        { benchmark: 'import', name: 'upload and parse', value: Math.round(tUpload - t0), unit: 'ms' },
        { benchmark: 'import', name: 'throughput', value: Math.round(ROWS / seconds), unit: 'rows/s' },
        {
          benchmark: 'import',
          name: 'the same file again',
          value: Math.round(secondsAgain * 10) / 10,
          unit: 's',
          note: `created ${againReport.create ?? 0}, skipped ${againReport.skip}`,
        },
      ]
    } finally {
      await handle.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
