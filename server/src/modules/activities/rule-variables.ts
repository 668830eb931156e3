/**
 * Classifier rules can test a client's activity: "no contact for 90 days" (a sleeping client), "nothing
 * planned", "overdue work". The values are the client's `last_contact_at` / `next_activity_at`, kept by
 * this module; rules are re-applied when they change (and nightly, for the passing days).
 */
import { sql } from 'kysely'
import { registerRuleVariable } from '../classifiers/index.ts'

registerRuleVariable({
  key: 'daysSinceLastContact',
  label: { ru: 'Дней с последнего контакта', en: 'Days since the last contact' },
  type: 'number',
  expression: (_eb, dialect) =>
    dialect === 'postgres'
      ? sql<number>`floor(extract(epoch from (now() - c.last_contact_at::timestamptz)) / 86400)`
      : sql<number>`cast(julianday('now') - julianday(c.last_contact_at) as integer)`,
})

registerRuleVariable({
  key: 'hasPlannedActivity',
  label: { ru: 'Есть запланированный контакт', en: 'Has a planned activity' },
  type: 'boolean',
  expression: () => sql<number>`case when c.next_activity_at is null then 0 else 1 end`,
})

registerRuleVariable({
  key: 'hasOverdueActivity',
  label: { ru: 'Есть просроченный контакт', en: 'Has an overdue activity' },
  type: 'boolean',
  expression: (_eb, dialect) =>
    dialect === 'postgres'
      ? sql<number>`case when c.next_activity_at < now() then 1 else 0 end`
      : sql<number>`case when c.next_activity_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now') then 1 else 0 end`,
})
