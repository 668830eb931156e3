import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import type { RuleVariable } from '../../api/classifiers-api.ts'
import { type NodeValues, nodeFieldOf, nodeFormValues, ruleOf } from './node-form-values.ts'

const variables: RuleVariable[] = [
  { key: 'kind', label: 'Kind', type: 'enum', ops: ['eq', 'in'], options: [{ value: 'person', label: 'P' }] },
  { key: 'completeness', label: 'Completeness', type: 'number', ops: ['gte', 'empty'] },
  { key: 'foreign', label: 'Foreign', type: 'boolean', ops: ['eq'] },
  { key: 'custom.signed', label: 'Signed', type: 'date', ops: ['gte'] },
  { key: 'industry', label: 'Industry', type: 'text', ops: ['contains', 'in'] },
]

const base: NodeValues = {
  nameRu: 'Горячие',
  nameEn: 'Hot',
  color: '',
  byRule: true,
  match: 'any',
  conditions: [],
}

describe('the node form and its rule', () => {
  it('turns each kind of value into what the rule stores', () => {
    const rule = ruleOf(
      {
        ...base,
        conditions: [
          { variable: 'kind', op: 'in', value: ['person'] },
          { variable: 'completeness', op: 'gte', value: 80 },
          { variable: 'completeness', op: 'empty', value: 3 },
          { variable: 'foreign', op: 'eq', value: undefined },
          { variable: 'custom.signed', op: 'gte', value: dayjs('2026-03-01') },
          { variable: 'industry', op: 'contains', value: '  retail ' },
        ],
      },
      variables,
    )
    expect(rule).toEqual({
      match: 'any',
      conditions: [
        { variable: 'kind', op: 'in', value: ['person'] },
        { variable: 'completeness', op: 'gte', value: 80 },
        { variable: 'completeness', op: 'empty', value: undefined },
        { variable: 'foreign', op: 'eq', value: false },
        { variable: 'custom.signed', op: 'gte', value: '2026-03-01' },
        { variable: 'industry', op: 'contains', value: 'retail' },
      ],
    })
  })

  it('has no rule when the node is filled by hand', () => {
    expect(ruleOf({ ...base, byRule: false }, variables)).toBeNull()
  })

  it('reads a stored rule back, dates as calendar days', () => {
    const values = nodeFormValues(
      {
        id: 1,
        classifierId: 1,
        parentId: null,
        name: { ru: 'Новые', en: 'New' },
        color: '#ff0000',
        position: 0,
        rank: 0,
        version: 3,
        rule: { match: 'all', conditions: [{ variable: 'custom.signed', op: 'gte', value: '2026-03-01' }] },
      },
      variables,
    )
    expect(values.byRule).toBe(true)
    expect(dayjs.isDayjs(values.conditions[0]?.value)).toBe(true)
    expect(ruleOf(values, variables)?.conditions[0]?.value).toBe('2026-03-01')
  })

  it('puts server errors next to the right field', () => {
    expect(nodeFieldOf('name.ru')).toBe('nameRu')
    expect(nodeFieldOf('rule.conditions.2')).toEqual(['conditions', 2, 'value'])
    expect(nodeFieldOf('rule.conditions.0.op')).toEqual(['conditions', 0, 'op'])
    expect(nodeFieldOf('rule.conditions')).toBe('conditions')
    expect(nodeFieldOf('parentId')).toBeNull()
  })
})
