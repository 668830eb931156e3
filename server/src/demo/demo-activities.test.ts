import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../test/test-app.ts'
import { isWorkingDay } from '../platform/calendar/production-calendar.ts'
import { DEMO_COMPANIES } from './demo-company.ts'
import { loadDemo } from './load-demo.ts'

const DAY = 86_400_000
const moscowDate = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(iso))

describe('the demo company’s month of activities and tasks', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await buildTestApp()
    const logins = await loadDemo(t.db.handle.db, t.config, 'ru', {
      password: 'Demo-Pass-123',
      subjects: t.app.ctx.subjects,
    })
    expect(logins).not.toBeNull()
  })
  afterAll(() => t?.close())

  it('gives every employee past work with outcomes, planned work ahead and tasks, on their clients, in Russian', async () => {
    const db = t.db.handle.db
    const now = Date.now()
    const users = await db.selectFrom('users').select(['id', 'email']).execute()
    expect(users).toHaveLength(DEMO_COMPANIES.ru.employees.length)
    const activities = await db
      .selectFrom('activities as a')
      .innerJoin('activity_types as t', 't.id', 'a.type_id')
      .leftJoin('clients as c', 'c.id', 'a.client_id')
      .select([
        'a.owner_id',
        'a.status',
        'a.starts_at',
        'a.outcome_id',
        'a.title',
        't.code',
        'c.owner_id as client_owner',
      ])
      .execute()
    const tasks = await db
      .selectFrom('tasks')
      .select(['assignee_id', 'status', 'due_at', 'checklist', 'title'])
      .execute()
    for (const u of users) {
      const mine = activities.filter((a) => a.owner_id === u.id)
      const done = mine.filter((a) => a.status === 'done')
      const planned = mine.filter((a) => a.status === 'planned' && Date.parse(a.starts_at) > now)
      expect(done.length, u.email).toBeGreaterThan(0)
      expect(planned.length, u.email).toBeGreaterThan(0)
      expect(tasks.filter((k) => k.assignee_id === u.id).length, u.email).toBeGreaterThan(0)
      // Done within the past four weeks, each with its outcome, on working days (the production calendar).
      for (const a of done) {
        expect(a.outcome_id).not.toBeNull()
        expect(Date.parse(a.starts_at)).toBeGreaterThan(now - 29 * DAY)
        expect(isWorkingDay(moscowDate(a.starts_at)), a.starts_at).toBe(true)
      }
      // Planned for the next three weeks.
      for (const a of planned) expect(Date.parse(a.starts_at)).toBeLessThan(now + 22 * DAY)
    }
    // The sales people work on their own clients; a manager's month is spread over the working days.
    const morozov = users.find((u) => u.email.startsWith('a.morozov'))!
    const his = activities.filter((a) => a.owner_id === morozov.id)
    expect(his.every((a) => a.client_owner === morozov.id)).toBe(true)
    expect(
      new Set(his.filter((a) => a.status === 'done').map((a) => moscowDate(a.starts_at))).size,
    ).toBeGreaterThan(15)
    expect(new Set(activities.filter((a) => a.status === 'planned').map((a) => a.code))).toEqual(
      new Set(['call', 'meeting', 'visit', 'other']),
    )
    expect(activities.every((a) => /[А-Яа-яЁё]/.test(a.title))).toBe(true)
    // Some work was missed (overdue: still planned in the past), some tasks are overdue, some have checklists.
    expect(
      activities.filter((a) => a.status === 'planned' && Date.parse(a.starts_at) < now).length,
    ).toBeGreaterThan(3)
    const open = tasks.filter((k) => k.status === 'open')
    expect(open.filter((k) => k.due_at !== null && Date.parse(k.due_at) < now).length).toBeGreaterThan(3)
    expect(tasks.filter((k) => JSON.parse(k.checklist).length > 0).length).toBeGreaterThan(3)
    expect(tasks.every((k) => /[А-Яа-яЁё]/.test(k.title))).toBe(true)

    // The weekly report: a series every Friday, its past occurrences done, the next ones open with reminders.
    const series = await db.selectFrom('recurrences').select(['id', 'rrule', 'kind']).execute()
    const weekly = series.filter((s) => s.kind === 'task' && s.rrule === 'FREQ=WEEKLY;BYDAY=FR')
    expect(weekly.length).toBeGreaterThanOrEqual(5)
    const occurrences = await db
      .selectFrom('tasks')
      .select(['id', 'status', 'due_at'])
      .where('series_id', '=', weekly[0]!.id)
      .execute()
    const past = occurrences.filter((o) => Date.parse(o.due_at!) < now)
    const next = occurrences.filter((o) => Date.parse(o.due_at!) > now)
    expect(past.length).toBeGreaterThanOrEqual(3)
    expect(past.every((o) => o.status === 'done')).toBe(true)
    expect(next.length).toBeGreaterThan(4)
    for (const o of [...past, ...next]) expect(new Date(o.due_at!).getUTCDay()).toBe(5)
    const reminders = await db
      .selectFrom('reminders')
      .select(['status'])
      .where('target_type', '=', 'task')
      .where(
        'target_id',
        'in',
        next.map((o) => o.id),
      )
      .execute()
    expect(reminders.length).toBe(next.length)

    // Clients show their next activity and last contact; the planned work has its reminders.
    const withNext = await db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('next_activity_at', 'is not', null)
      .executeTakeFirstOrThrow()
    const withLast = await db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('last_contact_at', 'is not', null)
      .executeTakeFirstOrThrow()
    expect(Number(withNext.n)).toBeGreaterThan(50)
    expect(Number(withLast.n)).toBeGreaterThan(100)
    const pending = await db
      .selectFrom('reminders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .where('target_type', '=', 'activity')
      .executeTakeFirstOrThrow()
    expect(Number(pending.n)).toBeGreaterThan(100)

    // A manager's day opens with it.
    const manager = await t.loginAs(morozov.email, 'Demo-Pass-123', 'ru')
    const day = await manager.get('/api/organizer/my-day')
    expect(day.statusCode).toBe(200)
  })
})
