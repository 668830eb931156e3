import { describe, expect, it } from 'vitest'
import { listPatchOfView, viewStateOf } from './client-view-state.ts'

describe('a saved view of the client list', () => {
  it('keeps the filter as the API takes it, the sort and the columns, without page or trash', () => {
    expect(
      viewStateOf(
        {
          page: 3,
          pageSize: 50,
          kind: 'organization',
          ownerId: '4,none',
          completenessBelow: 100,
          classIn: '12,13',
          classNotIn: '20',
          createdFrom: '2026-01-31T21:00:00.000Z',
          trash: true,
          sort: '-class:3,name',
        },
        ['name', 'owner'],
      ),
    ).toEqual({
      filter: {
        kind: 'organization',
        ownerId: '4,none',
        completenessBelow: '100',
        classIn: '12,13',
        classNotIn: '20',
        createdFrom: '2026-01-31T21:00:00.000Z',
      },
      sort: '-class:3,name',
      columns: ['name', 'owner'],
    })
  })

  it('turns back into the list state, days in the employee’s zone, every other filter cleared', () => {
    const patch = listPatchOfView(
      {
        filter: {
          kind: 'organization',
          ownerId: '4,none',
          teamId: '2',
          completenessBelow: '100',
          classIn: '12,13',
          classNotIn: '20',
          createdFrom: '2026-01-31T21:00:00.000Z',
          createdTo: '2026-02-28T21:00:00.000Z',
          custom: '{"region":{"op":"eq","value":"msk"}}',
        },
        sort: 'name,-class:3',
        columns: [],
      },
      'Europe/Moscow',
    )
    expect(patch).toMatchObject({
      q: '',
      kind: 'organization',
      owners: ['4', 'none'],
      teams: [2],
      industry: '',
      completenessBelow: 100,
      classIn: [12, 13],
      classNotIn: [20],
      createdFrom: '2026-02-01',
      createdTo: '2026-02-28',
      custom: { region: { op: 'eq', value: 'msk' } },
      sort: [
        { key: 'class:3', desc: true },
        { key: 'name', desc: false },
      ],
      columns: null,
      trash: false,
      page: 1,
    })
  })
})
