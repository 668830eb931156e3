import { describe, expect, it } from 'vitest'
import { isSameViewState } from './use-views.ts'

describe('comparing view states', () => {
  const base = { filter: { kind: 'organization', classIn: '3,4' }, sort: 'class:2,name', columns: ['name'] }

  it('ignores the order of filter keys and empty values', () => {
    expect(isSameViewState(base, { ...base, filter: { classIn: '3,4', q: '', kind: 'organization' } })).toBe(
      true,
    )
  })

  it('notices a changed filter, sort or set of columns', () => {
    expect(isSameViewState(base, { ...base, filter: { kind: 'person', classIn: '3,4' } })).toBe(false)
    expect(isSameViewState(base, { ...base, sort: '-class:2,name' })).toBe(false)
    expect(isSameViewState(base, { ...base, columns: ['name', 'owner'] })).toBe(false)
  })
})
