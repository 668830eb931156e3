import type { RULE_OPS } from './classifiers.schemas.ts'

type Op = (typeof RULE_OPS)[number]

/** Operators per variable type (the rule editor offers these; validation accepts only these). */
export const CUSTOM_RULE_OPS: Record<'text' | 'number' | 'date' | 'enum' | 'boolean', readonly Op[]> = {
  text: ['eq', 'ne', 'in', 'notIn', 'empty', 'notEmpty', 'contains'],
  enum: ['eq', 'ne', 'in', 'notIn', 'empty', 'notEmpty'],
  number: ['eq', 'ne', 'gte', 'lte', 'empty', 'notEmpty'],
  date: ['gte', 'lte', 'empty', 'notEmpty'],
  boolean: ['eq'],
}
