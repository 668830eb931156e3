import type { ActivityType } from '@mmcrm/server/api-types'
import { describe, expect, it } from 'vitest'
import { moveType } from './type-order.ts'

const types = (positions: number[]) =>
  positions.map((position, i) => ({ id: i + 1, version: 10 + i, position }) as ActivityType)

describe('moving an activity type', () => {
  it('swaps two neighbours of a tidy list: two changes, each with its version', () => {
    expect(moveType(types([0, 1, 2, 3]), 3, -1)).toEqual([
      { id: 3, version: 12, position: 1 },
      { id: 2, version: 11, position: 2 },
    ])
    expect(moveType(types([0, 1, 2, 3]), 1, 1)).toEqual([
      { id: 2, version: 11, position: 0 },
      { id: 1, version: 10, position: 1 },
    ])
  })

  it('numbers the list afresh when positions were equal or had gaps, so the move really shows', () => {
    expect(moveType(types([0, 0, 5]), 2, -1)).toEqual([
      { id: 1, version: 10, position: 1 },
      { id: 3, version: 12, position: 2 },
    ])
  })

  it('does nothing past either end or for an unknown type', () => {
    expect(moveType(types([0, 1]), 1, -1)).toEqual([])
    expect(moveType(types([0, 1]), 2, 1)).toEqual([])
    expect(moveType(types([0, 1]), 9, 1)).toEqual([])
  })
})
