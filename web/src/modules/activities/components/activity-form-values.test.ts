import type { Activity, ActivityType } from '@mmcrm/server/api-types'
import { describe, expect, it } from 'vitest'
import { NO_REPEAT } from '../logic/recurrence.ts'
import {
  activityCreateBody,
  activityErrorField,
  activityPatch,
  defaultActivityReminders,
  initialActivityValues,
} from './activity-form-values.ts'

const MOSCOW = 'Europe/Moscow'

const call: ActivityType = {
  id: 1,
  code: 'call',
  nameRu: 'Звонок',
  nameEn: 'Call',
  name: 'Call',
  color: '#1677ff',
  hasDirection: true,
  defaultDurationMin: 15,
  isActive: true,
  isSystem: true,
  position: 0,
  outcomes: [],
  version: 1,
}
const meeting: ActivityType = { ...call, id: 2, code: 'meeting', hasDirection: false, defaultDurationMin: 60 }
const hidden: ActivityType = { ...call, id: 3, code: 'old', isActive: false }

const activity: Activity = {
  id: 10,
  type: { id: 1, code: 'call', name: 'Call', color: '#1677ff' },
  status: 'planned',
  direction: 'out',
  title: 'Price list',
  description: '',
  location: '',
  subject: { type: 'client', id: 5, title: 'Romashka' },
  client: { id: 5, name: 'Romashka' },
  contact: null,
  startsAt: '2026-04-14T07:00:00.000Z',
  durationMin: 15,
  endsAt: '2026-04-14T07:15:00.000Z',
  owner: { id: 7, name: 'Anna' },
  outcome: null,
  result: '',
  doneAt: null,
  overdue: false,
  recurrence: null,
  isException: false,
  reminders: [
    { id: 1, offsetMin: 15, fireAt: '2026-04-14T06:45:00.000Z', status: 'pending' },
    { id: 2, offsetMin: 60, fireAt: '2026-04-14T06:00:00.000Z', status: 'cancelled' },
  ],
  createdBy: null,
  canEdit: true,
  version: 3,
  createdAt: '2026-04-01T07:00:00.000Z',
  updatedAt: '2026-04-01T07:00:00.000Z',
}

describe('the activity form', () => {
  const now = new Date('2026-04-14T06:07:00Z') // 09:07 in Moscow

  it('starts a new plan with the first active type, soon, for me', () => {
    const v = initialActivityValues({ types: [hidden, meeting, call], meId: 7, timeZone: MOSCOW }, now)
    expect(v).toMatchObject({ status: 'planned', typeId: 2, durationMin: 60, ownerId: 7, clientId: null })
    expect(v.startsAt.format('HH:mm')).toBe('09:15')
    const logged = initialActivityValues(
      { types: [call], meId: 7, timeZone: MOSCOW, defaults: { status: 'done', subjectId: 5, typeId: 1 } },
      now,
    )
    expect(logged).toMatchObject({ status: 'done', typeId: 1, clientId: 5 })
    expect(logged.startsAt.format('HH:mm')).toBe('09:05')
  })

  it('creates with reminders only when chosen, and recurrence only when planned', () => {
    const values = {
      ...initialActivityValues({ types: [call], meId: 7, timeZone: MOSCOW }, now),
      title: '  Call back ',
      reminders: [60, 0],
      repeat: { ...NO_REPEAT, kind: 'weekly' as const, weekdays: ['MO' as const] },
    }
    const ctx = { subject: { type: 'client', id: 5 }, type: call, timeZone: MOSCOW }
    expect(activityCreateBody(values, { ...ctx, remindersChosen: true })).toMatchObject({
      typeId: 1,
      status: 'planned',
      subjectType: 'client',
      subjectId: 5,
      direction: 'out',
      title: 'Call back',
      startsAt: '2026-04-14T06:15:00.000Z',
      reminders: [0, 60],
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO', workdays: 'any' },
    })
    expect(activityCreateBody(values, { ...ctx, remindersChosen: false }).reminders).toBeUndefined()
    const done = activityCreateBody(
      { ...values, status: 'done', outcomeId: 4, result: 'ok' },
      { ...ctx, remindersChosen: true },
    )
    expect(done).toMatchObject({ outcomeId: 4, result: 'ok' })
    expect(done).not.toHaveProperty('recurrence')
  })

  it('patches only what changed', () => {
    const values = initialActivityValues({ activity, types: [call], meId: 7, timeZone: MOSCOW })
    expect(values.reminders).toEqual([15])
    const ctx = { type: call, timeZone: MOSCOW, remindersChosen: false }
    expect(activityPatch(activity, values, ctx)).toEqual({})
    expect(
      activityPatch(activity, { ...values, startsAt: values.startsAt.add(1, 'hour'), title: 'New' }, ctx),
    ).toEqual({ startsAt: '2026-04-14T08:00:00.000Z', title: 'New' })
    expect(
      activityPatch(activity, { ...values, reminders: [15] }, { ...ctx, remindersChosen: true }),
    ).toEqual({})
    expect(activityPatch(activity, { ...values, reminders: [] }, { ...ctx, remindersChosen: true })).toEqual({
      reminders: [],
    })
  })

  it('takes reminder defaults per type, and puts server errors on the right fields', () => {
    const settings = {
      channels: ['app' as const],
      activity: [15],
      byType: { meeting: [60, 1440] },
      task: [0],
    }
    expect(defaultActivityReminders(settings, meeting)).toEqual([60, 1440])
    expect(defaultActivityReminders(settings, call)).toEqual([15])
    expect(activityErrorField('recurrence.rule')).toBe('repeat')
    expect(activityErrorField('reminders.2')).toBe('reminders')
    expect(activityErrorField('subjectId')).toBe('clientId')
    expect(activityErrorField('ownerId')).toBe('ownerId')
    expect(activityErrorField('somethingElse')).toBeNull()
  })
})
