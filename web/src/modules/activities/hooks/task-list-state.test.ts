import { describe, expect, it } from 'vitest'
import { parseTaskListState, serializeTaskListState, taskListRequest } from './task-list-state.ts'

describe('the task list state', () => {
  it('starts with my open tasks by due time', () => {
    const state = parseTaskListState(new URLSearchParams())
    expect(state).toMatchObject({
      filter: 'mine',
      status: 'open',
      overdue: false,
      sort: 'due',
      page: 1,
      open: null,
    })
    expect(serializeTaskListState(state).toString()).toBe('')
  })

  it('round-trips through the address and drops what is malformed', () => {
    const params = new URLSearchParams(
      'filter=team&status=any&overdue=true&client=12&q=call&sort=-created&page=3&pageSize=50&open=7',
    )
    const state = parseTaskListState(params)
    expect(state).toEqual({
      filter: 'team',
      status: 'any',
      overdue: true,
      clientId: 12,
      q: 'call',
      sort: '-created',
      page: 3,
      pageSize: 50,
      open: 7,
    })
    expect(parseTaskListState(serializeTaskListState(state))).toEqual(state)
    const bad = parseTaskListState(new URLSearchParams('filter=boss&status=x&sort=name&client=-1&open=abc'))
    expect(bad).toMatchObject({
      filter: 'mine',
      status: 'open',
      sort: 'due',
      clientId: undefined,
      open: null,
    })
  })

  it('asks for open tasks past due when "overdue" is on', () => {
    const state = parseTaskListState(new URLSearchParams('status=done&overdue=true'))
    expect(taskListRequest(state)).toMatchObject({ status: 'open', overdue: true })
    expect(taskListRequest(parseTaskListState(new URLSearchParams('status=done')))).toMatchObject({
      status: 'done',
      overdue: undefined,
    })
  })
})
