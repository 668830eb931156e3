import { describe, expect, it } from 'vitest'
import type { Classifier } from '../../api/classifiers-api.ts'
import { chosenIn, clearClassifier, nodePath, toggleIn, toggleNotIn } from './facet-selection.ts'

function node(id: number, parentId: number | null, ru: string) {
  return {
    id,
    classifierId: 1,
    parentId,
    name: { ru, en: ru },
    color: '',
    position: 0,
    rank: id,
    rule: null,
    version: 1,
  }
}

const industry: Classifier = {
  id: 1,
  name: { ru: 'Отрасль', en: 'Industry' },
  description: '',
  multiple: true,
  required: false,
  position: 0,
  version: 1,
  nodes: [node(10, null, 'Розница'), node(11, 10, 'Продукты'), node(12, null, 'Финансы')],
}

describe('choosing classifier nodes in the list', () => {
  it('moves a node between "in" and "not in", never both', () => {
    const chosen = toggleIn({ classIn: [], classNotIn: [11] }, 11, true)
    expect(chosen).toEqual({ classIn: [11], classNotIn: [] })
    expect(toggleNotIn(chosen, 11, true)).toEqual({ classIn: [], classNotIn: [11] })
    expect(toggleIn(chosen, 11, false)).toEqual({ classIn: [], classNotIn: [] })
  })

  it('clears one classifier and leaves the others', () => {
    const selection = { classIn: [10, 99], classNotIn: [12, 98] }
    expect(chosenIn(selection, industry)).toEqual({ in: 1, notIn: 1 })
    expect(clearClassifier(selection, industry)).toEqual({ classIn: [99], classNotIn: [98] })
  })

  it('names a nested node with its ancestors', () => {
    expect(nodePath(industry, 11, (n) => n.name.ru)).toBe('Розница / Продукты')
  })
})
