import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Db, DialectKind, Tx } from '../../platform/db/database.ts'
import type { ClientTable, Database } from '../../platform/db/schema.ts'
import { nowIso } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Locale } from '../../platform/i18n/messages.ts'
import {
  type CustomFieldDef,
  type CustomFilter,
  customFieldCondition,
  findCustomFields,
  foldCustomText,
  foldSql,
  localLabel,
} from '../custom-fields/index.ts'
import type { RULE_OPS, Rule, RuleCondition } from './classifiers.schemas.ts'
import { CUSTOM_RULE_OPS } from './rules-ops.ts'

export const RULES_JOB = 'classifiers.apply_rules'
export const RULES_NIGHTLY_JOB = 'classifiers.rules_nightly'

type Op = (typeof RULE_OPS)[number]
export type ClientEb = ExpressionBuilder<Database & { c: ClientTable }, 'c'>

/**
 * A variable a rule can test: how to read it from a client row in SQL. Later modules add theirs
 * (days since the last activity, revenue, debt…) with `registerRuleVariable`.
 */
export interface RuleVariable {
  key: string
  label: { ru: string; en: string }
  type: 'text' | 'number' | 'date' | 'enum' | 'boolean'
  options?: Array<{ value: string; label: { ru: string; en: string } }>
  /** The SQL value compared with the rule's value. */
  expression: (eb: ClientEb, dialect: DialectKind) => Expression<unknown>
}

const OPS_BY_TYPE = CUSTOM_RULE_OPS

const col = (name: keyof ClientTable) => (eb: ClientEb) => eb.ref(`c.${name}`)

const daysSince = (column: string) => (_eb: ClientEb, dialect: DialectKind) =>
  dialect === 'postgres'
    ? sql<number>`floor(extract(epoch from (now() - ${sql.ref(column)}::timestamptz)) / 86400)`
    : sql<number>`cast(julianday('now') - julianday(${sql.ref(column)}) as integer)`

const registry = new Map<string, RuleVariable>()

export function registerRuleVariable(v: RuleVariable): void {
  registry.set(v.key, v)
}

for (const v of [
  {
    key: 'kind',
    label: { ru: 'Вид клиента', en: 'Kind of client' },
    type: 'enum',
    options: [
      { value: 'organization', label: { ru: 'Организация', en: 'Organization' } },
      { value: 'person', label: { ru: 'Физическое лицо', en: 'Individual' } },
    ],
    expression: col('kind'),
  },
  {
    key: 'legalForm',
    label: { ru: 'Форма собственности', en: 'Legal form' },
    type: 'text',
    expression: col('legal_form'),
  },
  { key: 'industry', label: { ru: 'Отрасль', en: 'Industry' }, type: 'text', expression: col('industry') },
  { key: 'source', label: { ru: 'Источник', en: 'Source' }, type: 'text', expression: col('source') },
  {
    key: 'size',
    label: { ru: 'Размер', en: 'Size' },
    type: 'enum',
    options: ['micro', 'small', 'medium', 'large', 'enterprise'].map((value) => ({
      value,
      label: { ru: value, en: value },
    })),
    expression: col('size'),
  },
  {
    key: 'completeness',
    label: { ru: 'Заполненность досье, %', en: 'Dossier completeness, %' },
    type: 'number',
    expression: col('completeness'),
  },
  {
    key: 'ownerId',
    label: { ru: 'Ответственный (id)', en: 'Owner (id)' },
    type: 'number',
    expression: col('owner_id'),
  },
  { key: 'teamId', label: { ru: 'Отдел (id)', en: 'Team (id)' }, type: 'number', expression: col('team_id') },
  {
    key: 'foreign',
    label: { ru: 'Иностранная организация', en: 'Foreign organization' },
    type: 'boolean',
    expression: col('is_foreign'),
  },
  {
    key: 'daysSinceCreated',
    label: { ru: 'Дней с добавления', en: 'Days since added' },
    type: 'number',
    expression: daysSince('c.created_at'),
  },
  {
    key: 'daysSinceUpdated',
    label: { ru: 'Дней с последнего изменения', en: 'Days since last change' },
    type: 'number',
    expression: daysSince('c.updated_at'),
  },
] satisfies RuleVariable[]) {
  registerRuleVariable(v as RuleVariable)
}

/** Every variable rules may use now: the registered ones and one per client custom field (`custom.<key>`). */
export async function ruleVariables(db: Db): Promise<{ fixed: RuleVariable[]; custom: CustomFieldDef[] }> {
  return { fixed: [...registry.values()], custom: await findCustomFields(db, 'client') }
}

/** How a rule reads a custom field: its operators follow from this type. */
export function customVariableType(def: CustomFieldDef): RuleVariable['type'] {
  if (def.type === 'number' || def.type === 'money') return 'number'
  if (def.type === 'date') return 'date'
  if (def.type === 'boolean') return 'boolean'
  if (def.type === 'select' || def.type === 'multiselect') return 'enum'
  return 'text'
}

function badRule(index: number, key: string, params?: Record<string, string>): AppError {
  return AppError.field(`rule.conditions.${index}`, key, params)
}

/** Checks a rule against the variables that exist and the operators their types allow. */
export async function validateRule(db: Db, rule: Rule): Promise<void> {
  const { custom } = await ruleVariables(db)
  rule.conditions.forEach((c, i) => {
    if (c.variable.startsWith('custom.')) {
      const def = custom.find((d) => d.key === c.variable.slice(7))
      if (!def) throw badRule(i, 'classifiers.rule_unknown_variable', { variable: c.variable })
      if (!OPS_BY_TYPE[customVariableType(def)].includes(c.op))
        throw badRule(i, 'classifiers.rule_bad_operator', { variable: c.variable })
      if (!['empty', 'notEmpty'].includes(c.op) && c.value === undefined)
        throw badRule(i, 'classifiers.rule_value_required', { variable: c.variable })
      return
    }
    const v = registry.get(c.variable)
    if (!v) throw badRule(i, 'classifiers.rule_unknown_variable', { variable: c.variable })
    if (!OPS_BY_TYPE[v.type].includes(c.op))
      throw badRule(i, 'classifiers.rule_bad_operator', { variable: c.variable })
    if (!['empty', 'notEmpty'].includes(c.op) && c.value === undefined)
      throw badRule(i, 'classifiers.rule_value_required', { variable: c.variable })
  })
}

function customFilterOf(c: RuleCondition): CustomFilter {
  const v = c.value
  switch (c.op) {
    case 'empty':
      return { op: 'empty' }
    case 'notEmpty':
      return { op: 'notEmpty' }
    case 'in':
    case 'notIn':
      return { op: 'in', values: Array.isArray(v) ? v : [String(v)] }
    case 'gte':
      return { op: 'range', from: v as string | number }
    case 'lte':
      return { op: 'range', to: v as string | number }
    case 'contains':
      return { op: 'contains', value: String(v) }
    default:
      return { op: 'eq', value: v as string | number | boolean }
  }
}

function conditionSql(
  eb: ClientEb,
  dialect: DialectKind,
  c: RuleCondition,
  defs: CustomFieldDef[],
): Expression<SqlBool> {
  if (c.variable.startsWith('custom.')) {
    const def = defs.find((d) => d.key === c.variable.slice(7))
    if (!def) return sql<SqlBool>`(1 = 0)`
    const cond = customFieldCondition(eb, dialect, 'c.custom', def, customFilterOf(c))
    return c.op === 'ne' || c.op === 'notIn' ? eb.not(cond) : cond
  }
  const v = registry.get(c.variable)
  if (!v) return sql<SqlBool>`(1 = 0)`
  const x = v.expression(eb, dialect)
  const value = typeof c.value === 'boolean' ? (c.value ? 1 : 0) : c.value
  const empty = sql<SqlBool>`(${x} is null or ${x} = '')`
  switch (c.op) {
    case 'eq':
      return sql<SqlBool>`(${x} = ${value})`
    case 'ne':
      return sql<SqlBool>`(${x} is null or ${x} <> ${value})`
    case 'in':
      return Array.isArray(value) && value.length
        ? sql<SqlBool>`(${x} in (${sql.join(value)}))`
        : sql<SqlBool>`(1 = 0)`
    case 'notIn':
      return Array.isArray(value) && value.length
        ? sql<SqlBool>`(${x} is null or ${x} not in (${sql.join(value)}))`
        : sql<SqlBool>`(1 = 1)`
    case 'gte':
      return sql<SqlBool>`(${x} >= ${value})`
    case 'lte':
      return sql<SqlBool>`(${x} <= ${value})`
    case 'empty':
      return v.type === 'number' ? sql<SqlBool>`(${x} is null)` : empty
    case 'notEmpty':
      return v.type === 'number' ? sql<SqlBool>`(${x} is not null)` : sql<SqlBool>`not ${empty}`
    case 'contains':
      return sql<SqlBool>`(${foldSql(dialect, x)} like ${`%${foldCustomText(String(value)).replace(/[\\%_]/g, (m) => `\\${m}`)}%`} escape '\\')`
  }
}

/** The rule as one SQL condition over `clients as c`. */
export function ruleSql(
  eb: ClientEb,
  dialect: DialectKind,
  rule: Rule,
  defs: CustomFieldDef[],
): Expression<SqlBool> {
  const parts = rule.conditions.map((c) => conditionSql(eb, dialect, c, defs))
  return rule.match === 'any' ? eb.or(parts) : eb.and(parts)
}

const OP_WORDS: Record<Locale, Record<Op, string>> = {
  ru: {
    eq: '=',
    ne: '≠',
    in: 'одно из',
    notIn: 'не из',
    gte: '≥',
    lte: '≤',
    empty: 'не заполнено',
    notEmpty: 'заполнено',
    contains: 'содержит',
  },
  en: {
    eq: '=',
    ne: '≠',
    in: 'one of',
    notIn: 'not one of',
    gte: '≥',
    lte: '≤',
    empty: 'is empty',
    notEmpty: 'is filled',
    contains: 'contains',
  },
}

/** A rule in words, a line per condition: why a client is in a rule node. */
export function describeRule(rule: Rule, locale: Locale, defs: CustomFieldDef[]): string[] {
  const lines = rule.conditions.map((c) => {
    let label = c.variable
    let value = Array.isArray(c.value) ? c.value.join(', ') : c.value === undefined ? '' : String(c.value)
    if (c.variable.startsWith('custom.')) {
      const def = defs.find((d) => d.key === c.variable.slice(7))
      if (def) label = localLabel(locale, def.labelRu, def.labelEn)
    } else {
      const v = registry.get(c.variable)
      if (v) {
        label = v.label[locale]
        const opt = v.options?.find((o) => o.value === value)
        if (opt) value = opt.label[locale]
        if (v.type === 'boolean')
          value = c.value ? (locale === 'ru' ? 'да' : 'yes') : locale === 'ru' ? 'нет' : 'no'
      }
    }
    return `${label} ${OP_WORDS[locale][c.op]}${value ? ` ${value}` : ''}`
  })
  if (rule.match === 'any' && lines.length > 1)
    return [locale === 'ru' ? 'Выполнено любое из условий:' : 'Any of these holds:', ...lines]
  return lines
}

interface RuleNode {
  id: number
  classifierId: number
  rank: number
  rule: Rule
  exclusive: boolean
}

async function ruleNodes(db: Db, nodeIds?: number[]): Promise<RuleNode[]> {
  let q = db
    .selectFrom('classifier_nodes as n')
    .innerJoin('classifiers as k', 'k.id', 'n.classifier_id')
    .select(['n.id', 'n.classifier_id', 'n.rank', 'n.rule', 'k.multiple'])
    .where('n.rule', 'is not', null)
  if (nodeIds) q = q.where('n.id', 'in', nodeIds.length ? nodeIds : [-1])
  const rows = await q.orderBy('n.classifier_id').orderBy('n.rank').execute()
  return rows.map((r) => ({
    id: r.id,
    classifierId: r.classifier_id,
    rank: r.rank,
    rule: JSON.parse(r.rule!) as Rule,
    exclusive: r.multiple === 0,
  }))
}

/**
 * Recomputes rule memberships of the given clients (in this transaction): each rule node gets exactly
 * the live clients its rule matches. In an exclusive classifier a client placed by hand keeps that
 * node, and of several matching rule nodes the first by rank wins. Entries and exits go to the history.
 */
export async function applyRules(
  tx: Tx,
  dialect: DialectKind,
  clientIds: number[],
  options: { nodeIds?: number[]; operationId?: number | null } = {},
): Promise<{ entered: number; left: number }> {
  if (!clientIds.length) return { entered: 0, left: 0 }
  // When a single node changed, the exclusive-classifier arbitration still needs its siblings.
  const changed = await ruleNodes(tx, options.nodeIds)
  if (!changed.length) return { entered: 0, left: 0 }
  const classifierIds = [...new Set(changed.map((n) => n.classifierId))]
  const nodes = (await ruleNodes(tx)).filter((n) => classifierIds.includes(n.classifierId))
  const defs = await findCustomFields(tx, 'client')
  const at = nowIso()
  let entered = 0
  let left = 0
  for (const classifierId of classifierIds) {
    const own = nodes.filter((n) => n.classifierId === classifierId)
    const exclusive = own[0]!.exclusive
    const current = await tx
      .selectFrom('client_classifications')
      .select(['client_id', 'node_id', 'by_rule'])
      .where('classifier_id', '=', classifierId)
      .where('client_id', 'in', clientIds)
      .execute()
    const manual = new Set(current.filter((r) => r.by_rule === 0).map((r) => r.client_id))
    const has = new Set(current.filter((r) => r.by_rule === 1).map((r) => `${r.client_id}:${r.node_id}`))
    const taken = new Set<number>()
    const want = new Set<string>()
    for (const n of own) {
      const rows = await tx
        .selectFrom('clients as c')
        .select('c.id')
        .where('c.id', 'in', clientIds)
        .where('c.deleted_at', 'is', null)
        .where((eb) => ruleSql(eb as unknown as ClientEb, dialect, n.rule, defs))
        .execute()
      for (const r of rows) {
        if (exclusive && (manual.has(r.id) || taken.has(r.id))) continue
        taken.add(r.id)
        want.add(`${r.id}:${n.id}`)
      }
    }
    const add = [...want].filter((k) => !has.has(k))
    const drop = [...has].filter((k) => !want.has(k))
    const split = (k: string) => k.split(':').map(Number) as [number, number]
    for (let i = 0; i < add.length; i += 500) {
      const chunk = add.slice(i, i + 500).map(split)
      await tx
        .insertInto('client_classifications')
        .values(
          chunk.map(([client, node]) => ({
            client_id: client,
            node_id: node,
            classifier_id: classifierId,
            by_rule: 1 as const,
            assigned_by: null,
            assigned_at: at,
          })),
        )
        .execute()
      await tx
        .insertInto('classification_history')
        .values(
          chunk.map(([client, node]) => ({
            client_id: client,
            classifier_id: classifierId,
            node_id: node,
            action: 'enter' as const,
            at,
            actor_id: null,
            by_rule: 1 as const,
            operation_id: options.operationId ?? null,
          })),
        )
        .execute()
    }
    for (const [client, node] of drop.map(split)) {
      await tx
        .deleteFrom('client_classifications')
        .where('client_id', '=', client)
        .where('node_id', '=', node)
        .execute()
    }
    for (let i = 0; i < drop.length; i += 500) {
      const chunk = drop.slice(i, i + 500).map(split)
      await tx
        .insertInto('classification_history')
        .values(
          chunk.map(([client, node]) => ({
            client_id: client,
            classifier_id: classifierId,
            node_id: node,
            action: 'exit' as const,
            at,
            actor_id: null,
            by_rule: 1 as const,
            operation_id: options.operationId ?? null,
          })),
        )
        .execute()
    }
    entered += add.length
    left += drop.length
  }
  return { entered, left }
}

const RULE_BATCH = 1000

/** One batch of recomputing rule nodes over every client; returns the next cursor or null when done. */
export async function applyRulesBatch(
  db: Db,
  dialect: DialectKind,
  nodeIds: number[] | undefined,
  afterId: number,
): Promise<number | null> {
  const ids = await db
    .selectFrom('clients')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(RULE_BATCH)
    .execute()
  if (!ids.length) return null
  await db.transaction().execute((tx) =>
    applyRules(
      tx,
      dialect,
      ids.map((r) => r.id),
      { nodeIds },
    ),
  )
  return ids.length < RULE_BATCH ? null : ids.at(-1)!.id
}
