import type { ActivityOutcome, ActivityType } from '@mmcrm/server/api-types'
import { describe, expect, it } from 'vitest'
import { outcomeRows, outcomesChanged, outcomesPayload, typeFieldOf } from './outcome-rows.ts'

const saved: ActivityOutcome[] = [
  { id: 1, nameRu: 'Дозвонился', nameEn: 'Reached', name: 'Reached', result: 'positive', isActive: true },
  { id: 2, nameRu: 'Не ответил', nameEn: 'No answer', name: 'No answer', result: 'neutral', isActive: true },
]
const type = { outcomes: saved } as ActivityType

describe('outcomes of an activity type', () => {
  it('sends back unchanged rows as they were, so nothing is written', () => {
    expect(outcomesChanged(saved, outcomesPayload(outcomeRows(type)))).toBe(false)
  })

  it('notices a rename, a new rating, hiding, moving and a new outcome', () => {
    const rows = outcomeRows(type)
    const renamed = rows.map((r, i) => (i === 0 ? { ...r, nameEn: 'Got through' } : r))
    const rerated = rows.map((r, i) => (i === 1 ? { ...r, result: 'negative' as const } : r))
    const hidden = rows.map((r, i) => (i === 1 ? { ...r, isActive: false } : r))
    const moved = [rows[1]!, rows[0]!]
    const added = [
      ...rows,
      { nameRu: 'Перезвонить', nameEn: 'Call back', result: 'neutral' as const, isActive: true },
    ]
    for (const next of [renamed, rerated, hidden, moved, added])
      expect(outcomesChanged(saved, outcomesPayload(next))).toBe(true)
  })

  it('trims names, keeps the ids of saved outcomes and sends hidden ones too (positions match the form)', () => {
    const payload = outcomesPayload([
      { id: 2, nameRu: ' Не ответил ', nameEn: 'No answer', result: 'neutral', isActive: false },
      { nameRu: 'Новый', nameEn: ' New ', result: 'positive', isActive: true },
    ])
    expect(payload).toEqual([
      { id: 2, nameRu: 'Не ответил', nameEn: 'No answer', result: 'neutral', isActive: false },
      { nameRu: 'Новый', nameEn: 'New', result: 'positive', isActive: true },
    ])
    expect('id' in payload[1]!).toBe(false)
  })

  it('puts the server’s field errors under the fields that caused them', () => {
    expect(typeFieldOf('nameEn')).toBe('nameEn')
    expect(typeFieldOf('outcomes.2.nameRu')).toEqual(['outcomes', 2, 'nameRu'])
    expect(typeFieldOf('outcomes.1.id')).toEqual(['outcomes', 1, 'nameRu'])
    expect(typeFieldOf('outcomes')).toBe('outcomes')
    expect(typeFieldOf('position')).toBeNull()
  })
})
