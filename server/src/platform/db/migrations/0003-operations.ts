import { sql } from 'kysely'
import { type MigrationDb, tsType, withId } from './helpers.ts'

/** Long operations on many records (bulk reassignments, classification of a filtered set…), run in batches by jobs. */
export async function up(db: MigrationDb): Promise<void> {
  const ts = tsType(db)
  await withId(db, db.schema.createTable('operations'))
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('queued'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('payload', sql`text`, (c) => c.notNull().defaultTo('{}'))
    .addColumn('cursor', sql`text`)
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', sql`text`, (c) => c.notNull().defaultTo('{}'))
    .addColumn('error', sql`text`)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute()
  await db.schema
    .createIndex('operations_created_by_idx')
    .on('operations')
    .columns(['created_by', 'id'])
    .execute()
}
