import { sql } from 'kysely'
import { type MigrationDb, tsType, withId } from './helpers.ts'

/**
 * Activities, tasks, recurring series, reminders and calendar feeds (issue [05]).
 *
 * - `activity_types` / `activity_outcomes`: the administrator's lists (six built-in types).
 * - `activities`: contacts with a subject (a client now; later a dealer, a campaign, an inquiry), planned
 *   (`starts_at`, `duration_min`, `owner_id`) or done (`done_at`, outcome, result). `client_id` is the
 *   client the activity concerns, whatever its subject, for the card's timeline and the list's
 *   "next activity / last contact".
 * - `tasks`: work for an employee with a due time, a checklist (JSON) and an optional related record.
 * - `recurrences`: a series (RRULE in the owner's time zone) whose occurrences are materialised ahead as
 *   ordinary activities or tasks; `occurrence_key` (the occurrence's original start) keeps each once.
 * - `reminders`: one per (target, user, offset); `fire_at` in UTC; dispatched through the jobs table;
 *   `fire_count` grows on each firing (a snoozed reminder fires again under a new dedupe key).
 * - `calendar_feeds`: secret iCalendar feed tokens (hashed), revocable.
 * - `clients.next_activity_at` / `last_contact_at`: kept by the activities service.
 */
export async function up(db: MigrationDb): Promise<void> {
  const ts = tsType(db)

  await withId(db, db.schema.createTable('activity_types'))
    .addColumn('code', 'varchar(32)', (c) => c.notNull())
    .addColumn('name_ru', sql`text`, (c) => c.notNull())
    .addColumn('name_en', sql`text`, (c) => c.notNull())
    .addColumn('color', 'varchar(16)', (c) => c.notNull().defaultTo('#1677ff'))
    .addColumn('has_direction', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('default_duration_min', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_system', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('activity_types_code_uq').on('activity_types').column('code').unique().execute()

  await withId(db, db.schema.createTable('activity_outcomes'))
    .addColumn('type_id', 'integer', (c) => c.notNull().references('activity_types.id').onDelete('cascade'))
    .addColumn('name_ru', sql`text`, (c) => c.notNull())
    .addColumn('name_en', sql`text`, (c) => c.notNull())
    .addColumn('result', 'varchar(16)', (c) => c.notNull().defaultTo('neutral'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('activity_outcomes_type_idx')
    .on('activity_outcomes')
    .columns(['type_id', 'position'])
    .execute()

  await withId(db, db.schema.createTable('recurrences'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('rrule', sql`text`, (c) => c.notNull())
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('template', sql`text`, (c) => c.notNull())
    .addColumn('generated_until', ts, (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('recurrences_active_idx')
    .on('recurrences')
    .columns(['is_active', 'generated_until'])
    .execute()

  await withId(db, db.schema.createTable('activities'))
    .addColumn('type_id', 'integer', (c) => c.notNull().references('activity_types.id'))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('direction', 'varchar(4)')
    .addColumn('title', sql`text`, (c) => c.notNull().defaultTo(''))
    .addColumn('description', sql`text`, (c) => c.notNull().defaultTo(''))
    .addColumn('location', sql`text`, (c) => c.notNull().defaultTo(''))
    .addColumn('subject_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'integer', (c) => c.references('clients.id'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('duration_min', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('outcome_id', 'integer', (c) => c.references('activity_outcomes.id').onDelete('set null'))
    .addColumn('result', sql`text`, (c) => c.notNull().defaultTo(''))
    .addColumn('done_at', ts)
    .addColumn('series_id', 'integer', (c) => c.references('recurrences.id').onDelete('set null'))
    .addColumn('occurrence_key', 'varchar(40)')
    .addColumn('is_exception', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_at', ts)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('activities_owner_idx')
    .on('activities')
    .columns(['owner_id', 'starts_at'])
    .execute()
  await db.schema
    .createIndex('activities_team_idx')
    .on('activities')
    .columns(['team_id', 'starts_at'])
    .execute()
  await db.schema
    .createIndex('activities_client_idx')
    .on('activities')
    .columns(['client_id', 'status', 'starts_at'])
    .execute()
  await db.schema
    .createIndex('activities_subject_idx')
    .on('activities')
    .columns(['subject_type', 'subject_id', 'starts_at'])
    .execute()
  await db.schema
    .createIndex('activities_status_idx')
    .on('activities')
    .columns(['status', 'starts_at'])
    .execute()
  await db.schema
    .createIndex('activities_occurrence_uq')
    .on('activities')
    .columns(['series_id', 'occurrence_key'])
    .unique()
    .execute()

  await withId(db, db.schema.createTable('tasks'))
    .addColumn('title', sql`text`, (c) => c.notNull())
    .addColumn('description', sql`text`, (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('priority', 'varchar(8)', (c) => c.notNull().defaultTo('normal'))
    .addColumn('due_at', ts)
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('subject_type', 'varchar(32)')
    .addColumn('subject_id', 'integer')
    .addColumn('client_id', 'integer', (c) => c.references('clients.id'))
    .addColumn('checklist', sql`text`, (c) => c.notNull().defaultTo('[]'))
    .addColumn('done_at', ts)
    .addColumn('series_id', 'integer', (c) => c.references('recurrences.id').onDelete('set null'))
    .addColumn('occurrence_key', 'varchar(40)')
    .addColumn('is_exception', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_at', ts)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('tasks_assignee_idx')
    .on('tasks')
    .columns(['assignee_id', 'status', 'due_at'])
    .execute()
  await db.schema.createIndex('tasks_team_idx').on('tasks').columns(['team_id', 'status', 'due_at']).execute()
  await db.schema
    .createIndex('tasks_creator_idx')
    .on('tasks')
    .columns(['created_by', 'status', 'due_at'])
    .execute()
  await db.schema
    .createIndex('tasks_client_idx')
    .on('tasks')
    .columns(['client_id', 'status', 'due_at'])
    .execute()
  await db.schema
    .createIndex('tasks_subject_idx')
    .on('tasks')
    .columns(['subject_type', 'subject_id', 'due_at'])
    .execute()
  await db.schema.createIndex('tasks_status_idx').on('tasks').columns(['status', 'due_at']).execute()
  await db.schema
    .createIndex('tasks_occurrence_uq')
    .on('tasks')
    .columns(['series_id', 'occurrence_key'])
    .unique()
    .execute()

  await withId(db, db.schema.createTable('reminders'), true)
    .addColumn('target_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('offset_min', 'integer', (c) => c.notNull())
    .addColumn('fire_at', ts, (c) => c.notNull())
    .addColumn('channels', sql`text`, (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('fire_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fired_at', ts)
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('reminders_due_idx').on('reminders').columns(['status', 'fire_at']).execute()
  await db.schema
    .createIndex('reminders_target_uq')
    .on('reminders')
    .columns(['target_type', 'target_id', 'user_id', 'offset_min'])
    .unique()
    .execute()
  await db.schema.createIndex('reminders_user_idx').on('reminders').columns(['user_id', 'status']).execute()

  await db.schema
    .createTable('reminder_settings')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('settings', sql`text`, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()

  await withId(db, db.schema.createTable('calendar_feeds'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .addColumn('revoked_at', ts)
    .execute()
  await db.schema
    .createIndex('calendar_feeds_token_uq')
    .on('calendar_feeds')
    .column('token_hash')
    .unique()
    .execute()
  await db.schema.createIndex('calendar_feeds_user_idx').on('calendar_feeds').column('user_id').execute()

  await db.schema.alterTable('clients').addColumn('next_activity_at', ts).execute()
  await db.schema.alterTable('clients').addColumn('last_contact_at', ts).execute()
  await db.schema.createIndex('clients_next_activity_idx').on('clients').column('next_activity_at').execute()
  await db.schema.createIndex('clients_last_contact_idx').on('clients').column('last_contact_at').execute()

  // The built-in types and their outcomes, named in both languages.
  const now = new Date().toISOString()
  const types: Array<[string, string, string, string, number, number, Array<[string, string, string]>]> = [
    [
      'call',
      'Звонок',
      'Call',
      '#1677ff',
      1,
      15,
      [
        ['Договорились', 'Agreed', 'positive'],
        ['Перезвонить', 'Call back', 'neutral'],
        ['Не дозвонился', 'No answer', 'neutral'],
        ['Отказ', 'Refused', 'negative'],
      ],
    ],
    [
      'meeting',
      'Встреча',
      'Meeting',
      '#52c41a',
      0,
      60,
      [
        ['Состоялась, есть интерес', 'Held, interested', 'positive'],
        ['Состоялась, без результата', 'Held, no result', 'neutral'],
        ['Перенесена', 'Postponed', 'neutral'],
        ['Отменена клиентом', 'Cancelled by the client', 'negative'],
      ],
    ],
    [
      'email',
      'E-mail',
      'E-mail',
      '#13c2c2',
      1,
      15,
      [
        ['Отправлено', 'Sent', 'neutral'],
        ['Получен ответ', 'Replied', 'positive'],
      ],
    ],
    [
      'letter',
      'Письмо',
      'Letter',
      '#722ed1',
      1,
      15,
      [
        ['Отправлено', 'Sent', 'neutral'],
        ['Получен ответ', 'Replied', 'positive'],
      ],
    ],
    [
      'visit',
      'Визит',
      'Visit',
      '#fa8c16',
      0,
      90,
      [
        ['Заказ получен', 'Order received', 'positive'],
        ['Презентация проведена', 'Presentation made', 'neutral'],
        ['Клиент не принял', 'Not received', 'negative'],
      ],
    ],
    ['other', 'Другое', 'Other', '#8c8c8c', 0, 30, [['Выполнено', 'Done', 'neutral']]],
  ]
  for (const [i, [code, ru, en, color, hasDirection, duration, outcomes]] of types.entries()) {
    const row = await db
      .insertInto('activity_types')
      .values({
        code,
        name_ru: ru,
        name_en: en,
        color,
        has_direction: hasDirection,
        default_duration_min: duration,
        is_active: 1,
        is_system: 1,
        position: i,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [j, [oru, oen, result]] of outcomes.entries())
      await db
        .insertInto('activity_outcomes')
        .values({ type_id: row.id, name_ru: oru, name_en: oen, result, is_active: 1, position: j })
        .execute()
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only')
}
