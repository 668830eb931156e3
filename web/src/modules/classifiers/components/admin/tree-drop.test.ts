import { describe, expect, it } from 'vitest'
import type { ClassifierNode } from '../../api/classifiers-api.ts'
import { placeDrop, subtreeIds, type TreeDropInfo } from './tree-drop.ts'

function node(id: number, parentId: number | null, position: number): ClassifierNode {
  return {
    id,
    classifierId: 1,
    parentId,
    name: { ru: `n${id}`, en: `n${id}` },
    color: '',
    position,
    rank: id,
    rule: null,
    version: 1,
  }
}

// 1 Retail (0-0) → 11 Food (0-0-0), 12 Clothes (0-0-1); 2 Manufacturing (0-1); 3 Services (0-2)
const nodes = [node(1, null, 0), node(11, 1, 0), node(12, 1, 1), node(2, null, 1), node(3, null, 2)]

const drop = (info: Partial<TreeDropInfo> & Pick<TreeDropInfo, 'dragId' | 'dropId' | 'dropPos'>) =>
  placeDrop(nodes, {
    dropToGap: true,
    dropPosition: Number(info.dropPos.split('-').pop()),
    dropExpanded: false,
    ...info,
  })

describe('placing a dropped classifier node', () => {
  it('before the first root node: first among the roots', () => {
    expect(drop({ dragId: 2, dropId: 1, dropPos: '0-0', dropPosition: -1 })).toEqual({
      parentId: null,
      position: 0,
    })
  })

  it('after a later sibling: counts places without the moved node', () => {
    expect(drop({ dragId: 1, dropId: 3, dropPos: '0-2', dropPosition: 3 })).toEqual({
      parentId: null,
      position: 2,
    })
    expect(drop({ dragId: 1, dropId: 2, dropPos: '0-1', dropPosition: 2 })).toEqual({
      parentId: null,
      position: 1,
    })
  })

  it('onto a node: its first child', () => {
    expect(drop({ dragId: 3, dropId: 2, dropPos: '0-1', dropToGap: false })).toEqual({
      parentId: 2,
      position: 0,
    })
  })

  it('just below an expanded node with children: its first child', () => {
    expect(drop({ dragId: 3, dropId: 1, dropPos: '0-0', dropPosition: 1, dropExpanded: true })).toEqual({
      parentId: 1,
      position: 0,
    })
  })

  it('after a child: among that child’s siblings', () => {
    expect(drop({ dragId: 3, dropId: 11, dropPos: '0-0-0', dropPosition: 1 })).toEqual({
      parentId: 1,
      position: 1,
    })
  })

  it('nowhere new, or inside itself: nothing to do', () => {
    expect(drop({ dragId: 2, dropId: 1, dropPos: '0-0', dropPosition: 1 })).toBeNull()
    expect(drop({ dragId: 1, dropId: 12, dropPos: '0-0-1', dropToGap: false })).toBeNull()
    expect(drop({ dragId: 1, dropId: 11, dropPos: '0-0-0', dropPosition: 1 })).toBeNull()
  })

  it('knows a subtree', () => {
    expect([...subtreeIds(nodes, 1)].sort()).toEqual([1, 11, 12])
    expect([...subtreeIds(nodes, 3)]).toEqual([3])
  })
})
