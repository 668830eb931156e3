/**
 * The SQL of exports: classifier paths for classifier columns, and the stored file of a finished export
 * (a `files` row with subject type `export` and the operation's id — no subject of that type is
 * registered, so the generic file routes never serve it; only `GET /api/exports/:id/download` does).
 */
import type { Db, Tx } from '../../platform/db/database.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import { localLabel } from '../custom-fields/index.ts'
import type { ClassifierPaths } from './exports.columns.ts'

type Executor = Db | Tx

export const EXPORT_SUBJECT = 'export'

/** Every classifier with the full path of each node, "Classifier / Node / Child", in the given language. */
export async function classifierPaths(db: Executor, locale: Locale): Promise<Map<number, ClassifierPaths>> {
  const classifiers = await db.selectFrom('classifiers').select(['id', 'name_ru', 'name_en']).execute()
  const nodes = await db
    .selectFrom('classifier_nodes')
    .select(['id', 'classifier_id', 'parent_id', 'name_ru', 'name_en'])
    .execute()
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const out = new Map<number, ClassifierPaths>()
  for (const c of classifiers)
    out.set(c.id, { name: localLabel(locale, c.name_ru, c.name_en), paths: new Map() })
  for (const n of nodes) {
    const names: string[] = []
    const seen = new Set<number>()
    for (let at: typeof n | undefined = n; at && !seen.has(at.id); at = byId.get(at.parent_id ?? -1)) {
      seen.add(at.id)
      names.unshift(localLabel(locale, at.name_ru, at.name_en))
    }
    const classifier = out.get(n.classifier_id)
    classifier?.paths.set(n.id, [classifier.name, ...names].join(' / '))
  }
  return out
}

export async function insertExportFile(
  tx: Tx,
  v: {
    operationId: number
    userId: number | null
    name: string
    mime: string
    size: number
    sha256: string
    key: string
  },
): Promise<number> {
  const row = await tx
    .insertInto('files')
    .values({
      subject_type: EXPORT_SUBJECT,
      subject_id: v.operationId,
      note_id: null,
      uploader_id: v.userId,
      name: v.name,
      mime: v.mime,
      size: v.size,
      sha256: v.sha256,
      storage_key: v.key,
      deleted_at: null,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The file of a finished export, only for the employee who started it. */
export async function findExportFile(
  db: Executor,
  operationId: number,
  userId: number,
  operationType: string,
): Promise<{ name: string; mime: string; storageKey: string } | undefined> {
  return db
    .selectFrom('operations as o')
    .innerJoin('files as f', (j) =>
      j.on('f.subject_type', '=', EXPORT_SUBJECT).onRef('f.subject_id', '=', 'o.id'),
    )
    .select(['f.name', 'f.mime', 'f.storage_key as storageKey'])
    .where('o.id', '=', operationId)
    .where('o.created_by', '=', userId)
    .where('o.type', '=', operationType)
    .where('o.status', '=', 'done')
    .where('f.deleted_at', 'is', null)
    .executeTakeFirst()
}
