/**
 * The personal iCalendar feed, read as a calendar app reads it: by its secret address without a session,
 * parsed by an independent parser (ical.js).
 */
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { testDialect } from '../../../test/test-database.ts'
import type { ActivityDto, ActivityTypeDto, TaskDto } from './activities.schemas.ts'

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()

interface ParsedEvent {
  uid: string
  summary: string
  description: string
  location: string
  start: string
  end: string
  startZone: string
  status: string | null
  triggers: number[]
}

/** Every VEVENT of the feed, with its UTC times and its alarms' triggers in seconds. */
function parseFeed(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text))
  expect(calendar.name).toBe('vcalendar')
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description ?? '',
      location: e.location ?? '',
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      startZone: e.startDate.zone?.tzid ?? '',
      status: (v.getFirstPropertyValue('status') as string | null) ?? null,
      triggers: v
        .getAllSubcomponents('valarm')
        .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())
        .sort((a, b) => a - b),
    }
  })
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''), events }
}

describe(`the iCalendar feed (${testDialect()})`, () => {
  let t: TestApp
  let admin: Client
  let anna: Client
  let boris: Client
  let clientId: number
  let types: ActivityTypeDto[]
  const type = (code: string) => types.find((x) => x.code === code)!

  async function plan(who: Client, body: Record<string, unknown>): Promise<ActivityDto> {
    const res = await who.post('/api/activities', {
      typeId: type('call').id,
      subjectType: 'client',
      subjectId: clientId,
      ...body,
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as ActivityDto
  }

  /** The feed as a calendar app fetches it: no cookie, no token header. */
  const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path })

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    const team = (await admin.post('/api/teams', { name: 'Продажи' })).json().id as number
    anna = await t.signIn('sales_manager', { teamId: team, locale: 'ru' })
    boris = await t.signIn('head_of_sales', { teamId: team, locale: 'en' })
    clientId = (await anna.post('/api/clients', { kind: 'organization', name: 'ООО «Ромашка»' })).json().id
    types = (await anna.get('/api/activity-types')).json().items
  })
  afterAll(() => t?.close())

  it('serves my planned and done activities and dated tasks, in UTC, with an alarm per reminder', async () => {
    // Seconds trimmed: calendar times are whole seconds.
    const at = (m: number) => `${inMinutes(m).slice(0, 17)}00.000Z`
    const call = await plan(anna, {
      startsAt: at(24 * 60),
      title: 'Обсудить цены; условия, сроки',
      reminders: [15, 0],
    })
    const meeting = await plan(anna, {
      typeId: type('meeting').id,
      startsAt: at(3 * 24 * 60),
      durationMin: 90,
      title: 'Презентация',
      location: 'Москва, ул. Тверская, д. 1',
      description: 'Взять образцы\nи каталог',
      reminders: [60],
    })
    const past = await plan(anna, {
      status: 'done',
      startsAt: at(-2 * 24 * 60),
      title: 'Первый звонок',
      outcomeId: type('call').outcomes[0]!.id,
    })
    const cancelled = await plan(anna, { startsAt: at(48 * 60), title: 'Отменённый', reminders: [15] })
    await anna.request({
      method: 'POST',
      url: `/api/activities/${cancelled.id}/cancel`,
      ifMatch: cancelled.version,
    })
    const farAway = await plan(anna, { startsAt: at(400 * 24 * 60), title: 'Через год с лишним' })
    const task = (
      await anna.post('/api/tasks', {
        title: 'Подготовить КП',
        dueAt: at(26 * 60),
        subjectType: 'client',
        subjectId: clientId,
        reminders: [0],
      })
    ).json() as TaskDto
    const undated = (await anna.post('/api/tasks', { title: 'Без срока' })).json() as TaskDto
    // A colleague's activity on the same client (Boris heads the team and sees it).
    const theirs = await plan(boris, { startsAt: at(24 * 60 + 30), title: 'Чужой звонок' })

    const created = await anna.post('/api/me/calendar-feed')
    expect(created.statusCode).toBe(201)
    const { token, path } = created.json() as { token: string; path: string }
    expect(path).toBe(`/api/calendar/${token}.ics`)
    expect((await anna.get('/api/me/calendar-feed')).json()).toMatchObject({ active: true, lastUsedAt: null })
    // Only the hash is kept.
    const stored = await t.db.handle.db.selectFrom('calendar_feeds').select('token_hash').execute()
    expect(stored.some((f) => f.token_hash.includes(token))).toBe(false)

    const res = await fetchFeed(path)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8')
    const feed = parseFeed(res.body)
    expect(feed.name).toMatch(/^MM CRM — /)
    const byUid = new Map(feed.events.map((e) => [e.uid, e]))

    const c = byUid.get(`activity-${call.id}@mmcrm.local`)!
    expect(c).toMatchObject({
      summary: 'Звонок: Обсудить цены; условия, сроки',
      start: call.startsAt,
      end: call.endsAt,
      startZone: 'UTC',
      status: 'TENTATIVE',
      triggers: [-15 * 60, 0],
    })
    expect(c.description).toContain('Клиент: ООО «Ромашка»')
    const m = byUid.get(`activity-${meeting.id}@mmcrm.local`)!
    expect(m).toMatchObject({
      summary: 'Встреча: Презентация',
      start: meeting.startsAt,
      end: new Date(new Date(meeting.startsAt).getTime() + 90 * 60_000).toISOString(),
      location: 'Москва, ул. Тверская, д. 1',
      triggers: [-60 * 60],
    })
    expect(m.description).toContain('Взять образцы\nи каталог')
    expect(byUid.get(`activity-${past.id}@mmcrm.local`)).toMatchObject({
      start: past.startsAt,
      status: 'CONFIRMED',
      triggers: [],
    })
    const k = byUid.get(`task-${task.id}@mmcrm.local`)!
    expect(k).toMatchObject({ summary: 'Задача: Подготовить КП', start: task.dueAt, triggers: [0] })
    // Not in it: cancelled, beyond a year, without a date, someone else's.
    for (const uid of [
      `activity-${cancelled.id}@mmcrm.local`,
      `activity-${farAway.id}@mmcrm.local`,
      `task-${undated.id}@mmcrm.local`,
      `activity-${theirs.id}@mmcrm.local`,
    ])
      expect(byUid.has(uid), uid).toBe(false)
    expect(feed.events).toHaveLength(4)
    expect((await anna.get('/api/me/calendar-feed')).json().lastUsedAt).toBeTruthy()

    // Boris's own feed has his activity and none of Anna's, in English.
    const his = (await boris.post('/api/me/calendar-feed')).json() as { path: string }
    const hisFeed = parseFeed((await fetchFeed(his.path)).body)
    expect(hisFeed.events.map((e) => e.uid)).toEqual([`activity-${theirs.id}@mmcrm.local`])
    expect(hisFeed.events[0]!.summary).toBe('Call: Чужой звонок')
    expect(hisFeed.events[0]!.triggers).toEqual([-15 * 60])

    // A moved activity moves in the feed, with its alarm.
    const moved = await anna.patch(
      `/api/activities/${call.id}`,
      { startsAt: at(30 * 60), reminders: [30] },
      call.version,
    )
    expect(moved.statusCode).toBe(200)
    const again = parseFeed((await fetchFeed(path)).body)
    expect(again.events.find((e) => e.uid === `activity-${call.id}@mmcrm.local`)).toMatchObject({
      start: moved.json().startsAt,
      triggers: [-30 * 60],
    })
  })

  it('stops answering a revoked or replaced address, and never answers an unknown one', async () => {
    const first = (await anna.post('/api/me/calendar-feed')).json() as { path: string }
    expect((await fetchFeed(first.path)).statusCode).toBe(200)
    // A new address replaces the old one.
    const second = (await anna.post('/api/me/calendar-feed')).json() as { path: string }
    expect(second.path).not.toBe(first.path)
    expect((await fetchFeed(first.path)).statusCode).toBe(404)
    expect((await fetchFeed(second.path)).statusCode).toBe(200)
    // Turned off: the address stops working.
    expect((await anna.delete('/api/me/calendar-feed')).statusCode).toBe(204)
    expect((await fetchFeed(second.path)).statusCode).toBe(404)
    expect((await anna.get('/api/me/calendar-feed')).json()).toMatchObject({ active: false })
    // Unknown, malformed, or a session cookie instead of a token: nothing.
    expect((await fetchFeed('/api/calendar/ical_unknownunknownunknownunknown.ics')).statusCode).toBe(404)
    expect((await fetchFeed('/api/calendar/unknown.ics')).statusCode).toBe(404)
    expect((await fetchFeed('/api/calendar/..%2F..%2Fetc.ics')).statusCode).toBe(400)
    const revokedWithSession = await anna.get(second.path)
    expect(revokedWithSession.statusCode).toBe(404)
    // An employee who leaves: their address stops working with them.
    const carol = await t.signIn('sales_manager')
    const hers = (await carol.post('/api/me/calendar-feed')).json() as { path: string }
    expect((await fetchFeed(hers.path)).statusCode).toBe(200)
    const user = (await admin.get(`/api/users/${carol.userId}`)).json()
    expect(
      (await admin.patch(`/api/users/${carol.userId}`, { isActive: false }, user.version)).statusCode,
    ).toBe(200)
    expect((await fetchFeed(hers.path)).statusCode).toBe(404)
    // Revoking is audited.
    const audit = await t.db.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'calendar_feed')
      .where('actor_id', '=', anna.userId)
      .execute()
    expect(audit.map((a) => a.action).filter((x) => x === 'delete').length).toBeGreaterThanOrEqual(1)
  })
})
