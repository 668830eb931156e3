import type { AppNotification } from '@mmcrm/server/api-types'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import en from '../../../app/i18n/locales/en.json'
import ru from '../../../app/i18n/locales/ru.json'
import { formatNumber } from '../../../ui/format.ts'
import { notificationMessage, notificationTarget } from './notification-message.ts'

function notification(type: string, payload: Record<string, unknown>): AppNotification {
  return {
    id: 1,
    type,
    subjectType: null,
    subjectId: null,
    actor: null,
    payload,
    createdAt: '2026-01-31T09:15:00.000Z',
    readAt: null,
  }
}

async function say(language: 'ru' | 'en', n: AppNotification): Promise<string> {
  const i18n = i18next.createInstance()
  await i18n.init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  })
  const message = notificationMessage(n, {
    formatNumber: (value) => formatNumber(value, { language }),
    systemName: i18n.t('audit.system'),
  })
  expect(i18n.exists(message.key, message.values), message.key).toBe(true)
  return i18n.t(message.key, message.values)
}

describe('notification texts', () => {
  const reassigned = notification('operation.done', {
    operationId: 7,
    operationType: 'clients.reassign',
    changed: 1203,
  })

  it('say how many clients a finished reassignment changed, in the reader’s number format', async () => {
    expect(await say('en', reassigned)).toBe('Reassignment done: 1,203 clients changed')
    expect(await say('ru', reassigned)).toMatch(/^Передача клиентов завершена: .*1\s203 клиента$/)
  })

  it('word a finished classification, and pick the plural form', async () => {
    const one = notification('operation.done', { operationType: 'clients.classify', changed: 1 })
    expect(await say('en', one)).toBe('Classification done: 1 client changed')
    const five = notification('operation.done', { operationType: 'clients.classify', changed: 5 })
    expect(await say('ru', five)).toBe('Классификация завершена: изменено 5 клиентов')
  })

  it('fall back to a generic text for other operations and failures', async () => {
    const other = notification('operation.done', { operationType: 'deals.close', changed: 3 })
    expect(await say('en', other)).toBe('Bulk operation done')
    const failed = notification('operation.failed', { operationType: 'clients.reassign' })
    expect(await say('en', failed)).toBe('Bulk operation failed')
  })

  it('lead a client operation to the client list, and a mention to its record’s timeline', () => {
    expect(notificationTarget(reassigned)).toBe('/clients')
    expect(notificationTarget(notification('operation.failed', { operationType: 'clients.classify' }))).toBe(
      '/clients',
    )
    expect(notificationTarget(notification('mention', { path: '/clients/5' }))).toBe(
      '/clients/5?tab=timeline',
    )
    expect(notificationTarget(notification('mention', { path: '//evil.example' }))).toBeNull()
  })
})

describe('a finished export', () => {
  const exported = notification('operation.done', {
    operationId: 12,
    operationType: 'clients.export',
    rows: 12345,
    fileId: 3,
  })

  it('says how many clients went into the file and leads to its download', async () => {
    expect((await say('ru', exported)).replace(/\s/g, ' ')).toBe(
      'Выгрузка готова: 12 345 клиентов — нажмите, чтобы скачать',
    )
    expect(await say('en', exported)).toBe('Export ready: 12,345 clients — click to download')
    expect(notificationTarget(exported)).toBe('/api/exports/12/download')
  })
})
