import { sql } from 'kysely'
import { type MigrationDb, tsType, withId } from './helpers.ts'

/**
 * Import of clients from CSV/XLSX (issue [04]): the uploaded file and its wizard state, the outcome of
 * every row (dry run and real run, with the values an update replaced, for rollback), which client each
 * row of a file (by its SHA-256) became (idempotency), and clients' ids in other systems (external ids).
 */
export async function up(db: MigrationDb): Promise<void> {
  const ts = tsType(db)
  await withId(db, db.schema.createTable('imports'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('file_name', sql`text`, (c) => c.notNull())
    .addColumn('storage_key', sql`text`, (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('format', sql`text`, (c) => c.notNull())
    .addColumn('headers', sql`text`, (c) => c.notNull())
    .addColumn('header_signature', sql`text`, (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('mapping', sql`text`, (c) => c.notNull())
    .addColumn('settings', sql`text`, (c) => c.notNull())
    .addColumn('report', sql`text`)
    .addColumn('operation_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('imports_created_by_idx').on('imports').columns(['created_by', 'id']).execute()
  await db.schema
    .createIndex('imports_signature_idx')
    .on('imports')
    .columns(['header_signature', 'id'])
    .execute()

  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('phase', 'varchar(8)', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(8)', (c) => c.notNull())
    .addColumn('client_id', 'integer')
    .addColumn('name', sql`text`, (c) => c.notNull())
    .addColumn('errors', sql`text`, (c) => c.notNull().defaultTo('[]'))
    .addColumn('before', sql`text`)
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'phase', 'row'])
    .execute()
  await db.schema
    .createIndex('import_rows_action_idx')
    .on('import_rows')
    .columns(['import_id', 'phase', 'action', 'row'])
    .execute()

  // Keys (ИНН+КПП, e-mail, phone, external id) of rows a dry run would create, to find duplicates within the file.
  await db.schema
    .createTable('import_row_keys')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('key', sql`text`, (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('import_row_keys_idx')
    .on('import_row_keys')
    .columns(['import_id', 'key'])
    .execute()

  await db.schema
    .createTable('import_keys')
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('import_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_keys_pk', ['sha256', 'row'])
    .execute()

  await db.schema
    .createTable('client_external_ids')
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('external_id', sql`text`, (c) => c.notNull())
    .addPrimaryKeyConstraint('client_external_ids_pk', ['client_id', 'external_id'])
    .execute()
  await db.schema
    .createIndex('client_external_ids_value_idx')
    .on('client_external_ids')
    .column('external_id')
    .execute()
}
