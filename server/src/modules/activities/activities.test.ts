import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import type { ActivityDto, ActivityTypeDto, TaskDto } from './activities.schemas.ts'
import { escalateOverdue } from './escalation.ts'

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()

describe('activities and tasks', () => {
  let t: TestApp
  let admin: Client
  let head: Client
  let anna: Client
  let boris: Client
  let outsider: Client
  let team: number
  let clientId: number
  let types: ActivityTypeDto[]
  const type = (code: string) => types.find((x) => x.code === code)!

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    team = (await admin.post('/api/teams', { name: 'Продажи' })).json().id
    head = await t.signIn('head_of_sales', { teamId: team, locale: 'ru' })
    anna = await t.signIn('sales_manager', { teamId: team, locale: 'ru' })
    boris = await t.signIn('sales_manager', { teamId: team })
    outsider = await t.signIn('sales_manager')
    const teamRow = (await admin.get(`/api/teams/${team}`)).json()
    await admin.patch(`/api/teams/${team}`, { name: 'Продажи', headId: head.userId }, teamRow.version)
    clientId = (await anna.post('/api/clients', { kind: 'organization', name: 'ООО «Ромашка»' })).json().id
    types = (await anna.get('/api/activity-types')).json().items
  })
  afterAll(() => t.close())

  it('plans a call with default reminders, shows it as the client’s next activity, completes it with an outcome and plans the next', async () => {
    const at = inMinutes(120)
    const res = await anna.post('/api/activities', {
      typeId: type('call').id,
      subjectType: 'client',
      subjectId: clientId,
      title: 'Обсудить поставку',
      startsAt: at,
    })
    expect(res.statusCode).toBe(201)
    const call = res.json() as ActivityDto
    expect(call.status).toBe('planned')
    expect(call.direction).toBe('out')
    expect(call.durationMin).toBe(type('call').defaultDurationMin)
    expect(call.owner?.id).toBe(anna.userId)
    expect(call.reminders.map((r) => r.offsetMin)).toEqual([15])
    expect(call.reminders[0]!.fireAt).toBe(new Date(new Date(at).getTime() - 15 * 60_000).toISOString())

    const list = (await anna.get(`/api/clients?pageSize=10`)).json()
    const row = list.items.find((c: { id: number }) => c.id === clientId)
    expect(row.nextActivityAt).toBe(at)

    // The outcome must belong to the type.
    const wrong = await anna.request({
      method: 'POST',
      url: `/api/activities/${call.id}/complete`,
      payload: { outcomeId: type('meeting').outcomes[0]!.id },
      ifMatch: call.version,
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.fields.outcomeId).toMatch(/[а-я]/)

    const done = await anna.request({
      method: 'POST',
      url: `/api/activities/${call.id}/complete`,
      payload: {
        outcomeId: type('call').outcomes[0]!.id,
        result: 'Договорились о встрече',
        next: { typeId: type('meeting').id, startsAt: inMinutes(60 * 24), title: 'Презентация' },
      },
      ifMatch: call.version,
    })
    expect(done.statusCode).toBe(200)
    const { activity, next } = done.json() as { activity: ActivityDto; next: ActivityDto }
    expect(activity.status).toBe('done')
    expect(activity.outcome?.name).toBe(type('call').outcomes[0]!.nameRu)
    expect(activity.reminders).toEqual([])
    expect(next.subject.id).toBe(clientId)
    expect(next.reminders.map((r) => r.offsetMin)).toEqual([60])

    // Completing again is a conflict; an old version a 412.
    const again = await anna.request({
      method: 'POST',
      url: `/api/activities/${call.id}/complete`,
      payload: {},
      ifMatch: call.version,
    })
    expect(again.statusCode).toBe(412)

    const timeline = (await anna.get(`/api/timeline?subjectType=client&subjectId=${clientId}`)).json()
    expect(timeline.upcoming.map((e: { activity: ActivityDto }) => e.activity.id)).toEqual([next.id])
    expect(timeline.items.map((e: { activity: ActivityDto }) => e.activity.id)).toEqual([call.id])
    const card = (await anna.get(`/api/clients?pageSize=10`))
      .json()
      .items.find((c: { id: number }) => c.id === clientId)
    expect(card.nextActivityAt).toBe(next.startsAt)
    expect(card.lastContactAt).toBe(activity.doneAt)

    const audit = await t.app.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'activity')
      .where('entity_id', '=', call.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'update'])
  })

  it('logs a contact that took place, without reminders', async () => {
    const res = await anna.post('/api/activities', {
      typeId: type('call').id,
      status: 'done',
      direction: 'in',
      subjectType: 'client',
      subjectId: clientId,
      startsAt: inMinutes(-30),
      outcomeId: type('call').outcomes[1]!.id,
      result: 'Просили перезвонить',
    })
    expect(res.statusCode).toBe(201)
    const a = res.json() as ActivityDto
    expect(a.status).toBe('done')
    expect(a.direction).toBe('in')
    expect(a.reminders).toEqual([])
  })

  it('keeps other people’s work private: own, team for a head, assigned by me', async () => {
    const task = (
      await anna.post('/api/tasks', {
        title: 'Подготовить КП',
        dueAt: inMinutes(180),
        subjectType: 'client',
        subjectId: clientId,
        checklist: [{ text: 'Цены' }, { text: 'Сроки' }],
      })
    ).json() as TaskDto
    expect(task.assignee?.id).toBe(anna.userId)
    expect(task.reminders.map((r) => r.offsetMin)).toEqual([0])
    expect((await outsider.get(`/api/tasks/${task.id}`)).statusCode).toBe(404)
    expect((await outsider.patch(`/api/tasks/${task.id}`, { title: 'x' }, task.version)).statusCode).toBe(404)
    // A colleague in the same team with "own" visibility does not see it either…
    expect((await boris.get(`/api/tasks/${task.id}`)).statusCode).toBe(404)
    // …the head does, and can assign work to the team (not outside it).
    expect((await head.get(`/api/tasks/${task.id}`)).statusCode).toBe(200)
    const toBoris = await head.post('/api/tasks', { title: 'Обзвонить базу', assigneeId: boris.userId })
    expect(toBoris.statusCode).toBe(201)
    const toOutsider = await head.post('/api/tasks', { title: 'Чужая', assigneeId: outsider.userId })
    expect(toOutsider.statusCode).toBe(403)
    expect(toOutsider.json().error.fields.assigneeId).toBeTruthy()
    // A manager cannot assign to others.
    expect((await anna.post('/api/tasks', { title: 'Борису', assigneeId: boris.userId })).statusCode).toBe(
      403,
    )

    const mine = (await boris.get('/api/tasks?filter=mine')).json()
    expect(mine.items.map((x: TaskDto) => x.title)).toEqual(['Обзвонить базу'])
    const assigned = (await head.get('/api/tasks?filter=assigned_by_me')).json()
    expect(assigned.items.map((x: TaskDto) => x.title)).toEqual(['Обзвонить базу'])
    const teamTasks = (await head.get('/api/tasks?filter=team')).json()
    expect(teamTasks.items.map((x: TaskDto) => x.title).sort()).toEqual(['Обзвонить базу', 'Подготовить КП'])
    const outsiders = (await outsider.get('/api/tasks?filter=all')).json()
    expect(outsiders.total).toBe(0)

    // The assignee completes it; the checklist is kept.
    const done = await anna.patch(
      `/api/tasks/${task.id}`,
      {
        status: 'done',
        checklist: [
          { text: 'Цены', done: true },
          { text: 'Сроки', done: true },
        ],
      },
      task.version,
    )
    expect(done.statusCode).toBe(200)
    expect(done.json().doneAt).toBeTruthy()
    expect(done.json().reminders).toEqual([])
    const overdue = (await anna.get('/api/tasks?filter=mine&overdue=true')).json()
    expect(overdue.total).toBe(0)
  })

  it('expands a weekly series across a month in Europe/Moscow and edits one occurrence or the series', async () => {
    // Every Monday at 10:00 Moscow from the next Monday on.
    const now = new Date()
    const day = now.getUTCDay()
    const monday = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((8 - day) % 7 || 7), 7, 0),
    )
    const res = await anna.post('/api/activities', {
      typeId: type('meeting').id,
      subjectType: 'client',
      subjectId: clientId,
      title: 'Планёрка с клиентом',
      startsAt: monday.toISOString(),
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO' },
      reminders: [30],
    })
    expect(res.statusCode).toBe(201)
    const first = res.json() as ActivityDto
    expect(first.recurrence?.text).toMatch(/понедельник/)
    const month = (
      await anna.get(
        `/api/activities?from=${monday.toISOString()}&to=${new Date(monday.getTime() + 28 * 86_400_000).toISOString()}&ownerId=me&typeId=${type('meeting').id}`,
      )
    ).json().items as ActivityDto[]
    const series = month.filter((a) => a.recurrence?.id === first.recurrence!.id)
    expect(series.map((a) => a.startsAt)).toEqual(
      [0, 1, 2, 3].map((w) => new Date(monday.getTime() + w * 7 * 86_400_000).toISOString()),
    )
    for (const a of series) {
      expect(new Date(a.startsAt).getUTCHours()).toBe(7)
      expect(a.reminders.map((r) => r.offsetMin)).toEqual([30])
    }
    // One occurrence moved on its own…
    const second = series[1]!
    const moved = await anna.patch(
      `/api/activities/${second.id}`,
      { startsAt: new Date(new Date(second.startsAt).getTime() + 3600_000).toISOString() },
      second.version,
    )
    expect(moved.statusCode).toBe(200)
    expect(moved.json().isException).toBe(true)
    // …then the series from the third on gets a new title and an hour later.
    const third = series[2]!
    const changed = await anna.patch(
      `/api/activities/${third.id}`,
      {
        title: 'Еженедельная встреча',
        startsAt: new Date(new Date(third.startsAt).getTime() + 3600_000).toISOString(),
        scope: 'series',
      },
      third.version,
    )
    expect(changed.statusCode).toBe(200)
    const after = (
      await anna.get(
        `/api/activities?from=${monday.toISOString()}&to=${new Date(monday.getTime() + 28 * 86_400_000).toISOString()}&ownerId=me&typeId=${type('meeting').id}`,
      )
    ).json().items as ActivityDto[]
    const byId = new Map(after.map((a) => [a.id, a]))
    expect(byId.get(series[0]!.id)!.title).toBe('Планёрка с клиентом')
    expect(byId.get(second.id)!.title).toBe('Планёрка с клиентом')
    expect(byId.get(third.id)!.title).toBe('Еженедельная встреча')
    expect(byId.get(series[3]!.id)!.title).toBe('Еженедельная встреча')
    expect(new Date(byId.get(series[3]!.id)!.startsAt).getUTCHours()).toBe(8)
    expect(new Date(byId.get(series[0]!.id)!.startsAt).getUTCHours()).toBe(7)
    // Deleting the series from the fourth on stops it.
    const fourth = byId.get(series[3]!.id)!
    expect(
      (
        await anna.request({
          method: 'DELETE',
          url: `/api/activities/${fourth.id}?scope=series`,
          ifMatch: fourth.version,
        })
      ).statusCode,
    ).toBe(204)
    const rest = await t.app.ctx.db
      .selectFrom('activities')
      .select('id')
      .where('series_id', '=', first.recurrence!.id)
      .where('starts_at', '>=', fourth.startsAt)
      .execute()
    expect(rest).toEqual([])
  })

  it('repeats a task on the first working day of each month (production calendar), in Moscow time', async () => {
    const now = new Date()
    // 09:00 Moscow on the 1st of next month; the series moves it to the month's first working day.
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 6, 0))
    const res = await anna.post('/api/tasks', {
      title: 'Отчёт за месяц',
      dueAt: start.toISOString(),
      recurrence: { rule: 'FREQ=MONTHLY', nthWorkingDay: 1 },
    })
    expect(res.statusCode, res.body).toBe(201)
    const first = res.json() as TaskDto
    expect(first.recurrence?.text).toMatch(/рабоч/)
    const rows = await t.app.ctx.db
      .selectFrom('tasks')
      .select('due_at')
      .where('series_id', '=', first.recurrence!.id)
      .orderBy('due_at')
      .execute()
    expect(rows.length).toBeGreaterThanOrEqual(2)
    const { isWorkingDay, nthWorkingDayOfMonth } = await import(
      '../../platform/calendar/production-calendar.ts'
    )
    for (const r of rows) {
      const due = new Date(r.due_at!)
      expect(due.getUTCHours()).toBe(6)
      const day = due.toISOString().slice(0, 10)
      expect(isWorkingDay(day)).toBe(true)
      expect(day).toBe(nthWorkingDayOfMonth(due.getUTCFullYear(), due.getUTCMonth() + 1, 1))
    }
  })

  it('lists my day in my time zone, overdue work first, and the task list filters overdue', async () => {
    // Outside any team: nothing of theirs is escalated by the test below.
    const me = await t.signIn('sales_manager')
    const client = (await me.post('/api/clients', { kind: 'organization', name: 'ООО «День»' })).json()
    const plan = async (startsAt: string, title: string) =>
      (
        await me.post('/api/activities', {
          typeId: type('call').id,
          subjectType: 'client',
          subjectId: client.id,
          startsAt,
          title,
        })
      ).json() as ActivityDto
    const missed = await plan(inMinutes(-26 * 60), 'Вчерашний звонок')
    const soon = await plan(inMinutes(1), 'Скоро')
    const late = (
      await me.post('/api/tasks', { title: 'Просрочено', dueAt: inMinutes(-90) })
    ).json() as TaskDto
    const day = (await me.get('/api/organizer/my-day')).json()
    expect(day.timeZone).toBe('Europe/Moscow')
    expect(day.overdueActivities.map((a: ActivityDto) => a.id)).toEqual([missed.id])
    expect(day.overdueTasks.map((x: TaskDto) => x.id)).toEqual([late.id])
    const todayInMoscow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(
      new Date(soon.startsAt),
    )
    if (todayInMoscow === day.date) expect(day.activities.map((a: ActivityDto) => a.id)).toContain(soon.id)
    const overdue = (await me.get('/api/tasks?filter=mine&overdue=true')).json()
    expect(overdue.items.map((x: TaskDto) => x.id)).toEqual([late.id])
    // The client list finds the client with overdue work.
    const list = (await me.get('/api/clients?activity=overdue')).json()
    expect(list.items.map((c: { id: number }) => c.id)).toEqual([client.id])
    const none = (await me.get('/api/clients?activity=none')).json()
    expect(none.items.map((c: { id: number }) => c.id)).not.toContain(client.id)
  })

  it('rejects bad input with field messages in the user’s language', async () => {
    const bad = await anna.post('/api/activities', {
      typeId: 999999,
      subjectType: 'client',
      subjectId: clientId,
      startsAt: 'завтра',
    })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toContain('startsAt')
    const hidden = await outsider.post('/api/activities', {
      typeId: type('call').id,
      subjectType: 'client',
      subjectId: clientId,
      startsAt: inMinutes(10),
    })
    expect(hidden.statusCode).toBe(404)
    const rule = await anna.post('/api/tasks', {
      title: 'Каждую секунду',
      dueAt: inMinutes(10),
      recurrence: { rule: 'FREQ=SECONDLY' },
    })
    expect(rule.statusCode).toBe(400)
    expect(rule.json().error.fields['recurrence.rule']).toMatch(/[а-я]/)
  })

  it('escalates overdue work to the team head once', async () => {
    const created = (
      await boris.post('/api/activities', {
        typeId: type('call').id,
        subjectType: 'client',
        subjectId: (await boris.post('/api/clients', { kind: 'organization', name: 'ООО «Лютик»' })).json()
          .id,
        startsAt: inMinutes(10),
      })
    ).json() as ActivityDto
    // The administrator sets the limit: an hour overdue (a manager may not).
    expect(
      (
        await anna.request({
          method: 'PUT',
          url: '/api/settings/escalation',
          payload: { enabled: true, afterMinutes: 60 },
        })
      ).statusCode,
    ).toBe(403)
    const set = await admin.request({
      method: 'PUT',
      url: '/api/settings/escalation',
      payload: { enabled: true, afterMinutes: 60 },
    })
    expect(set.statusCode).toBe(200)
    expect((await admin.get('/api/settings/escalation')).json()).toEqual({ enabled: true, afterMinutes: 60 })
    // Not yet after 50 minutes past its time; once after 90.
    expect(await escalateOverdue(t.app.ctx.db, new Date(Date.now() + 60 * 60_000))).toBe(0)
    const later = new Date(Date.now() + 100 * 60_000)
    expect(await escalateOverdue(t.app.ctx.db, later)).toBeGreaterThanOrEqual(1)
    expect(await escalateOverdue(t.app.ctx.db, later)).toBe(0)
    const notes = (await head.get('/api/notifications')).json().items as Array<{
      type: string
      payload: Record<string, unknown>
    }>
    const esc = notes.filter((n) => n.type === 'escalation' && n.payload.targetId === created.id)
    expect(esc).toHaveLength(1)
    expect(esc[0]!.payload.performer).toBeTruthy()
  })

  it('moves clients between rule nodes as their activities change ("nothing planned")', async () => {
    const cls = (
      await admin.post('/api/classifiers', { name: { ru: 'Работа', en: 'Work' }, multiple: true })
    ).json()
    const forgotten = (
      await admin.post(`/api/classifiers/${cls.id}/nodes`, {
        parentId: null,
        name: { ru: 'Забытые', en: 'Forgotten' },
        rule: { conditions: [{ variable: 'hasPlannedActivity', op: 'eq', value: false }] },
      })
    ).json()
    expect(forgotten.id).toBeTruthy()
    await t.runJobs()
    const fresh = (await anna.post('/api/clients', { kind: 'organization', name: 'ООО «Забытый»' })).json()
    const inNode = async () =>
      (
        (await admin.get(`/api/clients?pageSize=200&classIn=${forgotten.id}`)).json().items as Array<{
          id: number
        }>
      ).some((c) => c.id === fresh.id)
    expect(await inNode()).toBe(true)
    const planned = (
      await anna.post('/api/activities', {
        typeId: type('call').id,
        subjectType: 'client',
        subjectId: fresh.id,
        startsAt: inMinutes(60),
      })
    ).json() as ActivityDto
    expect(await inNode()).toBe(false)
    await anna.request({
      method: 'POST',
      url: `/api/activities/${planned.id}/cancel`,
      ifMatch: planned.version,
    })
    expect(await inNode()).toBe(true)
  })

  it('lets the administrator add a type with outcomes, and hides it when deactivated', async () => {
    const res = await admin.post('/api/activity-types', {
      code: 'demo',
      nameRu: 'Демонстрация',
      nameEn: 'Demo',
      color: '#eb2f96',
      defaultDurationMin: 45,
      outcomes: [{ nameRu: 'Понравилось', nameEn: 'Liked', result: 'positive' }],
    })
    expect(res.statusCode).toBe(201)
    const demo = res.json() as ActivityTypeDto
    expect(demo.outcomes).toHaveLength(1)
    expect((await anna.post('/api/activity-types', { code: 'x', nameRu: 'x', nameEn: 'x' })).statusCode).toBe(
      403,
    )
    const off = await admin.patch(`/api/activity-types/${demo.id}`, { isActive: false }, demo.version)
    expect(off.statusCode).toBe(200)
    const plan = await anna.post('/api/activities', {
      typeId: demo.id,
      subjectType: 'client',
      subjectId: clientId,
      startsAt: inMinutes(60),
    })
    expect(plan.statusCode).toBe(400)
    expect(plan.json().error.fields.typeId).toBeTruthy()
  })
})
