import type { Activity, Task } from '@mmcrm/server/api-types'

/** An activity as the API returns it, with what a test cares about overridden. */
export function buildActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 1,
    type: { id: 10, code: 'call', name: 'Звонок', color: '#1677ff' },
    status: 'planned',
    direction: 'out',
    title: '',
    description: '',
    location: '',
    subject: { type: 'client', id: 5, title: 'ООО «Ромашка»' },
    client: { id: 5, name: 'ООО «Ромашка»' },
    contact: null,
    startsAt: '2026-11-27T07:00:00.000Z',
    durationMin: 30,
    endsAt: '2026-11-27T07:30:00.000Z',
    owner: { id: 3, name: 'Иван Иванов' },
    outcome: null,
    result: '',
    doneAt: null,
    overdue: false,
    recurrence: null,
    isException: false,
    reminders: [],
    createdBy: { id: 3, name: 'Иван Иванов' },
    canEdit: true,
    version: 4,
    createdAt: '2026-11-20T07:00:00.000Z',
    updatedAt: '2026-11-20T07:00:00.000Z',
    ...overrides,
  }
}

/** A task as the API returns it, with what a test cares about overridden. */
export function buildTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 1,
    title: 'Подготовить КП',
    description: '',
    status: 'open',
    priority: 'normal',
    dueAt: '2026-11-27T13:00:00.000Z',
    overdue: false,
    assignee: { id: 3, name: 'Иван Иванов' },
    subject: null,
    client: null,
    checklist: [],
    doneAt: null,
    recurrence: null,
    isException: false,
    reminders: [],
    createdBy: { id: 3, name: 'Иван Иванов' },
    canEdit: true,
    version: 2,
    createdAt: '2026-11-20T07:00:00.000Z',
    updatedAt: '2026-11-20T07:00:00.000Z',
    ...overrides,
  }
}

export const SERIES = {
  id: 9,
  rule: 'FREQ=WEEKLY',
  workdays: 'any',
  nthWorkingDay: null,
  text: 'каждую неделю',
}
