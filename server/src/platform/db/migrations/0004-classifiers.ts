import { sql } from 'kysely'
import { isPostgres, type MigrationDb, tsType, withId } from './helpers.ts'

/**
 * The client classifier (S1): trees of nodes, clients' memberships with their history, saved list views,
 * and the change log that keeps every instance's in-memory classification index fresh.
 */
export async function up(db: MigrationDb): Promise<void> {
  const ts = tsType(db)
  const pg = isPostgres(db)

  await withId(db, db.schema.createTable('classifiers'))
    .addColumn('name_ru', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('multiple', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()

  await withId(db, db.schema.createTable('classifier_nodes'))
    .addColumn('classifier_id', 'integer', (c) =>
      c.notNull().references('classifiers.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (c) => c.references('classifier_nodes.id'))
    .addColumn('name_ru', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('color', 'varchar(16)', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    // Pre-order rank within the classifier (parents before children, siblings by position): the sort order.
    .addColumn('rank', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rule', sql`text`)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('classifier_nodes_parent_idx')
    .on('classifier_nodes')
    .columns(['classifier_id', 'parent_id', 'position'])
    .execute()

  // Direct memberships: a client sits in these nodes (ancestors are implied).
  await db.schema
    .createTable('client_classifications')
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('node_id', 'integer', (c) => c.notNull().references('classifier_nodes.id').onDelete('cascade'))
    .addColumn('classifier_id', 'integer', (c) => c.notNull())
    .addColumn('by_rule', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assigned_by', 'integer')
    .addColumn('assigned_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('client_classifications_pk', ['client_id', 'node_id'])
    .execute()
  await db.schema
    .createIndex('client_classifications_node_idx')
    .on('client_classifications')
    .columns(['node_id', 'client_id'])
    .execute()

  // Every entry into and exit from a node.
  await withId(db, db.schema.createTable('classification_history'), true)
    .addColumn('client_id', 'integer', (c) => c.notNull())
    .addColumn('classifier_id', 'integer', (c) => c.notNull())
    .addColumn('node_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(8)', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('by_rule', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('operation_id', 'integer')
    .execute()
  await db.schema
    .createIndex('classification_history_client_idx')
    .on('classification_history')
    .columns(['client_id', 'node_id', 'at'])
    .execute()
  await db.schema
    .createIndex('classification_history_classifier_idx')
    .on('classification_history')
    .columns(['classifier_id', 'at'])
    .execute()

  // Saved list views: filter + sort + columns, private, team or everyone.
  await withId(db, db.schema.createTable('saved_views'))
    .addColumn('entity', 'varchar(32)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('scope', 'varchar(16)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('state', sql`text`, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('saved_views_owner_idx')
    .on('saved_views')
    .columns(['entity', 'owner_id'])
    .execute()
  await db.schema
    .createTable('saved_view_defaults')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('entity', 'varchar(32)', (c) => c.notNull())
    .addColumn('view_id', 'integer', (c) => c.notNull().references('saved_views.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('saved_view_defaults_pk', ['user_id', 'entity'])
    .execute()

  // The change log of what the in-memory classification index holds: a client's kind, owner, team,
  // trash state and memberships (client_id), or the classifiers' structure (client_id 0). Written by
  // triggers, so every path that changes these tables — API, import, merge, purge, SQL — is covered.
  await withId(db, db.schema.createTable('client_index_changes'), true)
    .addColumn('client_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute()

  if (pg) {
    await sql`
      create function client_index_touch_client() returns trigger language plpgsql as $$
      begin
        insert into client_index_changes (client_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
        return null;
      end $$`.execute(db)
    await sql`
      create function client_index_touch_membership() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then insert into client_index_changes (client_id) values (old.client_id); end if;
        if tg_op <> 'DELETE' then insert into client_index_changes (client_id) values (new.client_id); end if;
        return null;
      end $$`.execute(db)
    await sql`
      create function client_index_touch_structure() returns trigger language plpgsql as $$
      begin
        insert into client_index_changes (client_id) values (0);
        return null;
      end $$`.execute(db)
    await sql`create trigger clients_index_ins after insert on clients for each row execute function client_index_touch_client()`.execute(
      db,
    )
    await sql`create trigger clients_index_upd after update of kind, owner_id, team_id, deleted_at on clients for each row execute function client_index_touch_client()`.execute(
      db,
    )
    await sql`create trigger clients_index_del after delete on clients for each row execute function client_index_touch_client()`.execute(
      db,
    )
    await sql`create trigger client_classifications_index after insert or update or delete on client_classifications for each row execute function client_index_touch_membership()`.execute(
      db,
    )
    await sql`create trigger classifier_nodes_index after insert or update of parent_id, rank, classifier_id or delete on classifier_nodes for each statement execute function client_index_touch_structure()`.execute(
      db,
    )
    await sql`create trigger classifiers_index after insert or delete on classifiers for each statement execute function client_index_touch_structure()`.execute(
      db,
    )
  } else {
    const touch = (id: string) =>
      `insert into client_index_changes (client_id, created_at) values (${id}, strftime('%Y-%m-%dT%H:%M:%fZ','now'));`
    await sql
      .raw(`create trigger clients_index_ins after insert on clients begin ${touch('new.id')} end`)
      .execute(db)
    await sql
      .raw(
        `create trigger clients_index_upd after update of kind, owner_id, team_id, deleted_at on clients begin ${touch('new.id')} end`,
      )
      .execute(db)
    await sql
      .raw(`create trigger clients_index_del after delete on clients begin ${touch('old.id')} end`)
      .execute(db)
    await sql
      .raw(
        `create trigger client_classifications_index_ins after insert on client_classifications begin ${touch('new.client_id')} end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger client_classifications_index_del after delete on client_classifications begin ${touch('old.client_id')} end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger client_classifications_index_upd after update on client_classifications begin ${touch('old.client_id')} ${touch('new.client_id')} end`,
      )
      .execute(db)
    for (const [name, event] of [
      ['ins', 'insert'],
      ['upd', 'update of parent_id, rank, classifier_id'],
      ['del', 'delete'],
    ] as const) {
      await sql
        .raw(
          `create trigger classifier_nodes_index_${name} after ${event} on classifier_nodes begin ${touch('0')} end`,
        )
        .execute(db)
    }
    await sql
      .raw(`create trigger classifiers_index_ins after insert on classifiers begin ${touch('0')} end`)
      .execute(db)
    await sql
      .raw(`create trigger classifiers_index_del after delete on classifiers begin ${touch('0')} end`)
      .execute(db)
  }
}
