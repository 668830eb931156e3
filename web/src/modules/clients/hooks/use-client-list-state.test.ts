import { describe, expect, it } from 'vitest'
import { listFilter } from './use-client-list-state.ts'

describe('the filter of a bulk action', () => {
  it('is the list request without page, sort, trash or empty values', () => {
    expect(
      listFilter({
        page: 3,
        pageSize: 50,
        q: 'ромашка',
        kind: 'organization',
        ownerId: '4,none',
        teamId: undefined,
        industry: '',
        completenessBelow: 100,
        createdFrom: '2026-01-31T21:00:00.000Z',
        custom: '{"region":{"op":"eq","value":"msk"}}',
        trash: true,
        sort: '-updatedAt',
      }),
    ).toEqual({
      q: 'ромашка',
      kind: 'organization',
      ownerId: '4,none',
      completenessBelow: 100,
      createdFrom: '2026-01-31T21:00:00.000Z',
      custom: '{"region":{"op":"eq","value":"msk"}}',
    })
  })

  it('is empty for an unfiltered list: every client the employee can see', () => {
    expect(listFilter({ page: 1, pageSize: 20 })).toEqual({})
  })
})
