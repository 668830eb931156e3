import type { ActivityOutcome, ActivityType, ActivityTypeUpdate } from '@mmcrm/server/api-types'
import type { FieldName } from '../../../ui/apply-field-errors.ts'

export const OUTCOME_RESULTS = ['positive', 'neutral', 'negative'] as const
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number]

/** An outcome as the form holds it: saved ones carry their id, new ones do not. */
export interface OutcomeRow {
  id?: number
  nameRu: string
  nameEn: string
  result: OutcomeResult
  isActive: boolean
}

export type OutcomeInput = NonNullable<ActivityTypeUpdate['outcomes']>[number]

export function outcomeRows(type: ActivityType | undefined): OutcomeRow[] {
  return (type?.outcomes ?? []).map(({ id, nameRu, nameEn, result, isActive }) => ({
    id,
    nameRu,
    nameEn,
    result,
    isActive,
  }))
}

/** A new outcome: positive, active, names to be typed. */
export function blankOutcome(): OutcomeRow {
  return { nameRu: '', nameEn: '', result: 'neutral', isActive: true }
}

/**
 * The outcomes to send, in the form's order (the order is their position). Every row is sent, hidden
 * ones too, so the server's `outcomes.<n>` errors point at row n of the form.
 */
export function outcomesPayload(rows: readonly OutcomeRow[]): OutcomeInput[] {
  return rows.map((row) => ({
    ...(row.id === undefined ? {} : { id: row.id }),
    nameRu: row.nameRu.trim(),
    nameEn: row.nameEn.trim(),
    result: row.result,
    isActive: row.isActive,
  }))
}

/** Whether the list differs from the saved outcomes: added, renamed, re-rated, hidden, shown or moved. */
export function outcomesChanged(saved: readonly ActivityOutcome[], next: readonly OutcomeInput[]): boolean {
  if (saved.length !== next.length) return true
  return next.some((o, i) => {
    const s = saved[i]
    return (
      !s ||
      o.id !== s.id ||
      o.nameRu !== s.nameRu ||
      o.nameEn !== s.nameEn ||
      (o.result ?? 'neutral') !== s.result ||
      (o.isActive ?? true) !== s.isActive
    )
  })
}

const TYPE_FIELDS = ['code', 'nameRu', 'nameEn', 'color', 'hasDirection', 'defaultDurationMin', 'isActive']
const OUTCOME_FIELDS = ['nameRu', 'nameEn', 'result']

/** A server error path (`nameRu`, `outcomes.2.nameEn`, `outcomes.1.id`) → the type form's field showing it. */
export function typeFieldOf(path: string): FieldName | null {
  const [head = '', index, sub] = path.split('.')
  if (head === 'outcomes') {
    const i = Number(index)
    if (index === undefined || !Number.isInteger(i)) return 'outcomes'
    return ['outcomes', i, sub && OUTCOME_FIELDS.includes(sub) ? sub : 'nameRu']
  }
  return TYPE_FIELDS.includes(head) ? head : null
}
