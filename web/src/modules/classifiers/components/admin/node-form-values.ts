import type { ClassifierRule } from '@mmcrm/server/api-types'
import dayjs, { type Dayjs } from 'dayjs'
import type { ClassifierNode, RuleVariable } from '../../api/classifiers-api.ts'

export type RuleOp = ClassifierRule['conditions'][number]['op']
type RuleValue = ClassifierRule['conditions'][number]['value']

/** A condition as the form holds it (dates as dayjs). */
export interface ConditionRow {
  variable?: string
  op?: RuleOp
  value?: string | number | boolean | string[] | Dayjs | null
}

export interface NodeValues {
  nameRu: string
  nameEn: string
  color: string
  byRule: boolean
  match: 'all' | 'any'
  conditions: ConditionRow[]
}

const DAY = 'YYYY-MM-DD'
export const NO_VALUE_OPS: readonly RuleOp[] = ['empty', 'notEmpty']
export const LIST_OPS: readonly RuleOp[] = ['in', 'notIn']

/** What a form value becomes in the rule, by the variable's type and the operator. */
export function ruleValue(row: ConditionRow, variable: RuleVariable | undefined): RuleValue {
  const { op, value } = row
  if (!op || NO_VALUE_OPS.includes(op)) return undefined
  if (LIST_OPS.includes(op)) return Array.isArray(value) ? value.map(String) : []
  if (!variable) return undefined
  if (variable.type === 'boolean') return Boolean(value)
  if (value === undefined || value === null || value === '') return undefined
  if (variable.type === 'number') return typeof value === 'number' ? value : Number(value)
  if (variable.type === 'date') return dayjs.isDayjs(value) ? value.format(DAY) : String(value)
  return typeof value === 'string' ? value.trim() : String(value)
}

/** The rule the form describes, or null when the node is filled by hand. */
export function ruleOf(values: NodeValues, variables: RuleVariable[]): ClassifierRule | null {
  if (!values.byRule) return null
  return {
    match: values.match,
    conditions: (values.conditions ?? []).map((row) => ({
      variable: row.variable ?? '',
      op: row.op ?? 'eq',
      value: ruleValue(
        row,
        variables.find((v) => v.key === row.variable),
      ),
    })),
  }
}

/** The form's starting values for a node (or a new one). */
export function nodeFormValues(node: ClassifierNode | undefined, variables: RuleVariable[]): NodeValues {
  const rule = node?.rule
  return {
    nameRu: node?.name.ru ?? '',
    nameEn: node?.name.en ?? '',
    color: node?.color ?? '',
    byRule: Boolean(rule),
    match: rule?.match ?? 'all',
    conditions: rule
      ? rule.conditions.map((c) => {
          const type = variables.find((v) => v.key === c.variable)?.type
          return {
            variable: c.variable,
            op: c.op,
            value: type === 'date' && typeof c.value === 'string' ? dayjs(c.value, DAY) : c.value,
          }
        })
      : [{}],
  }
}

/** Where a server error about a node belongs in the form (`rule.conditions.1` → that condition's value). */
export function nodeFieldOf(path: string): string | (string | number)[] | null {
  if (path === 'name.ru') return 'nameRu'
  if (path === 'name.en') return 'nameEn'
  if (path === 'color') return 'color'
  if (path === 'rule.match') return 'match'
  const m = /^rule\.conditions(?:\.(\d+)(?:\.(variable|op|value))?)?/.exec(path)
  if (!m) return null
  if (m[1] === undefined) return 'conditions'
  return ['conditions', Number(m[1]), m[2] ?? 'value']
}
