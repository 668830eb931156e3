import { describe, expect, it } from 'vitest'
import { normalizeSort, parseSort, serializeSort } from '../hooks/use-client-list-state.ts'
import { moveSortEntry } from './sort-entries.ts'

describe('sorting by several keys', () => {
  it('reads classifier keys from the address and puts them first', () => {
    const sort = parseSort('name,-class:7,class:3,bogus,-updatedAt,name')
    expect(serializeSort(sort)).toBe('-class:7,class:3,name,-updatedAt')
  })

  it('moves keys within their group, never across the classifier border', () => {
    const sort = parseSort('class:1,class:2,name,inn')
    expect(serializeSort(moveSortEntry(sort, 1, -1) ?? [])).toBe('class:2,class:1,name,inn')
    expect(serializeSort(moveSortEntry(sort, 3, -1) ?? [])).toBe('class:1,class:2,inn,name')
    expect(moveSortEntry(sort, 2, -1)).toBeNull()
    expect(moveSortEntry(sort, 1, 1)).toBeNull()
    expect(moveSortEntry(sort, 3, 1)).toBeNull()
  })

  it('keeps the order within each group when normalizing', () => {
    expect(
      serializeSort(
        normalizeSort([
          { key: 'name', desc: false },
          { key: 'class:5', desc: true },
          { key: 'inn', desc: false },
          { key: 'class:2', desc: false },
        ]),
      ),
    ).toBe('-class:5,class:2,name,inn')
  })
})
