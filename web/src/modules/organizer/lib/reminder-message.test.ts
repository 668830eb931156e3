import type { AppNotification } from '@mmcrm/server/api-types'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import en from '../../../app/i18n/locales/en.json'
import ru from '../../../app/i18n/locales/ru.json'
import { formatNumber } from '../../../ui/format.ts'
import {
  notificationExcerpt,
  notificationMessage,
  notificationTarget,
} from '../../notifications/components/notification-message.ts'
import { leadTime, readReminderPayload, SNOOZE_MINUTES, snoozeSpan } from './reminder-message.ts'

const FIRED = '2026-11-27T10:45:00.000Z'

function notification(type: string, payload: Record<string, unknown>, extra: Partial<AppNotification> = {}) {
  return {
    id: 1,
    type,
    subjectType: null,
    subjectId: null,
    actor: null,
    payload,
    createdAt: FIRED,
    readAt: null,
    ...extra,
  } satisfies AppNotification
}

const call = {
  reminderId: 12,
  targetType: 'activity',
  targetId: 40,
  title: 'обсудить договор',
  typeName: { ru: 'Звонок', en: 'Call' },
  clientName: 'ООО «Ромашка»',
  at: '2026-11-27T11:00:00.000Z',
  offsetMin: 15,
  late: false,
}
const task = {
  reminderId: 13,
  targetType: 'task',
  targetId: 41,
  title: 'Подготовить КП',
  typeName: null,
  clientName: 'ООО «Лютик»',
  at: '2026-11-27T11:00:00.000Z',
  offsetMin: 15,
  late: false,
}

async function say(language: 'ru' | 'en', n: AppNotification, timeZone = 'Europe/Moscow') {
  const i18n = i18next.createInstance()
  await i18n.init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  })
  const settings = { language, timeZone }
  const message = notificationMessage(n, {
    formatNumber: (value) => formatNumber(value, { language }),
    systemName: i18n.t('audit.system'),
    settings,
  })
  expect(i18n.exists(message.key), message.key).toBe(true)
  return { title: i18n.t(message.key, message.values), detail: notificationExcerpt(n, settings) }
}

describe('a reminder in the bell', () => {
  it('says what, with whom and how soon, in the reader’s language', async () => {
    const n = notification('reminder', call)
    expect(await say('ru', n)).toEqual({
      title: 'Звонок: ООО «Ромашка» — через 15 минут',
      detail: 'обсудить договор · 27 нояб., 14:00',
    })
    expect(await say('en', n)).toEqual({
      title: 'Call: ООО «Ромашка» — in 15 minutes',
      detail: 'обсудить договор · 27 Nov, 14:00',
    })
  })

  it('counts from when it fired, so a snoozed reminder says how much time is really left', async () => {
    const snoozed = notification('reminder', call, { createdAt: '2026-11-27T10:55:00.000Z' })
    expect((await say('ru', snoozed)).title).toBe('Звонок: ООО «Ромашка» — через 5 минут')
    const atTheTime = notification('reminder', { ...call, offsetMin: 0 }, { createdAt: call.at })
    expect((await say('ru', atTheTime)).title).toBe('Звонок: ООО «Ромашка» — сейчас')
    expect((await say('en', atTheTime)).title).toBe('Call: ООО «Ромашка» — now')
  })

  it('marks a late one and gives the time it was for, in the reader’s zone', async () => {
    const late = notification('reminder', { ...call, late: true }, { createdAt: '2026-11-27T12:00:00.000Z' })
    expect((await say('ru', late)).title).toBe(
      'Звонок: ООО «Ромашка» — 27 нояб., 14:00 (напоминание с опозданием)',
    )
    expect((await say('en', late, 'Asia/Yekaterinburg')).title).toBe(
      'Call: ООО «Ромашка» — 27 Nov, 16:00 (late reminder)',
    )
  })

  it('words a task by its title, its client below', async () => {
    const n = notification('reminder', task)
    expect(await say('ru', n)).toEqual({
      title: 'Задача «Подготовить КП» — срок через 15 минут',
      detail: 'ООО «Лютик» · 27 нояб., 14:00',
    })
    expect((await say('en', n)).title).toBe('Task “Подготовить КП” — due in 15 minutes')
  })

  it('falls back to the generic text when the payload is not a reminder’s', async () => {
    expect(readReminderPayload({ reminderId: 'x' })).toBeNull()
    const broken = notification('reminder', { subjectTitle: 'ООО «Ромашка»' })
    expect((await say('ru', broken)).title).toBe('Система: ООО «Ромашка»')
  })

  it('leads to the client, else to my day', () => {
    expect(notificationTarget(notification('reminder', call, { subjectType: 'client', subjectId: 5 }))).toBe(
      '/clients/5',
    )
    expect(notificationTarget(notification('reminder', task))).toBe('/organizer')
  })
})

describe('an escalation to the team head', () => {
  const overdue = {
    targetType: 'activity',
    targetId: 40,
    title: 'обсудить договор',
    typeName: { ru: 'Встреча', en: 'Meeting' },
    at: '2026-11-26T12:00:00.000Z',
    clientName: 'ООО «Ромашка»',
    performer: 'Иван Иванов',
  }

  it('names the colleague and what is overdue since when', async () => {
    const n = notification('escalation', overdue, { actor: { id: 3, name: 'Иван Иванов' } })
    expect(await say('ru', n)).toEqual({
      title: 'Иван Иванов: просрочен контакт — Встреча: ООО «Ромашка», 26 нояб., 15:00',
      detail: 'обсудить договор',
    })
    expect((await say('en', n)).title).toBe(
      'Иван Иванов: overdue activity — Meeting: ООО «Ромашка», 26 Nov, 15:00',
    )
    const t = notification('escalation', {
      ...overdue,
      targetType: 'task',
      title: 'Отправить договор',
      typeName: undefined,
    })
    expect((await say('ru', t)).title).toBe(
      'Иван Иванов: просрочена задача «Отправить договор», срок 26 нояб., 15:00',
    )
  })

  it('without a client, leads to the colleague’s day in the calendar', () => {
    const n = notification(
      'escalation',
      { ...overdue, clientName: null },
      { actor: { id: 3, name: 'Иван Иванов' } },
    )
    expect(notificationTarget(n)).toBe('/calendar?view=day&at=2026-11-26T12%3A00%3A00.000Z&people=3')
  })
})

describe('times in words', () => {
  it('says how far off in minutes, whole hours or days', () => {
    expect(leadTime(15, 'ru')).toBe('через 15 минут')
    expect(leadTime(60, 'ru')).toBe('через 1 час')
    expect(leadTime(90, 'en')).toBe('in 90 minutes')
    expect(leadTime(1440, 'ru')).toBe('через 1 день')
    expect(leadTime(-45, 'ru')).toBe('45 минут назад')
    expect(leadTime(1435, 'en')).toBe('in 24 hours')
  })

  it('labels the snooze buttons in minutes or hours', async () => {
    expect(SNOOZE_MINUTES.map(snoozeSpan)).toEqual([
      { unit: 'minutes', n: 10 },
      { unit: 'hours', n: 1 },
    ])
    expect(snoozeSpan(90)).toEqual({ unit: 'minutes', n: 90 })
    const labels = async (language: 'ru' | 'en') => {
      const i18n = i18next.createInstance()
      await i18n.init({ resources: { ru: { translation: ru }, en: { translation: en } }, lng: language })
      return SNOOZE_MINUTES.map(snoozeSpan).map((s) => i18n.t(`reminders.snooze.${s.unit}`, { n: s.n }))
    }
    expect(await labels('ru')).toEqual(['Отложить на 10 мин', 'Отложить на 1 ч'])
    expect(await labels('en')).toEqual(['Snooze 10 min', 'Snooze 1 h'])
  })
})
