import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiSession } from './support/api.ts'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

const ZONE = 'Europe/Moscow'

/** `DD.MM.YYYY HH:mm` of an instant in Moscow, as the form's date picker takes it. */
function wall(at: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  )
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`
}

interface Activity {
  id: number
  title: string
  status: string
  startsAt: string
  version: number
  outcome: { name: string } | null
}

describe('the organizer: a reminder that fires in the open page, completion, the timeline, the week view', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let admin: ApiSession
  let clientId = 0
  let meeting: Activity

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'ru' })
    admin = await ApiSession.signIn(server.url, ADMIN.email, ADMIN.password)
    clientId = (
      await admin.call<{ id: number }>('POST', '/api/clients', {
        kind: 'organization',
        name: 'ООО «Звонкий»',
      })
    ).id
    // Reminders at the very time of an activity, in the app.
    await admin.call('PUT', '/api/me/reminder-settings', {
      channels: ['app'],
      activity: [0],
      byType: {},
      task: [0],
    })
    const types = (
      await admin.call<{ items: Array<{ id: number; code: string }> }>('GET', '/api/activity-types')
    ).items
    // A meeting the day after tomorrow at 10:00 Moscow (07:00 UTC), to be dragged in the week view.
    const day = new Date(Date.now() + 2 * 86_400_000)
    meeting = await admin.call<Activity>('POST', '/api/activities', {
      typeId: types.find((t) => t.code === 'meeting')!.id,
      subjectType: 'client',
      subjectId: clientId,
      title: 'Презентация',
      startsAt: new Date(
        Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7, 0),
      ).toISOString(),
      durationMin: 60,
    })
    browser = await launchBrowser()
    page = await (
      await browser.newContext({ locale: 'ru-RU', timezoneId: ZONE, viewport: { width: 1400, height: 1000 } })
    ).newPage()
    await signIn(page, server.url, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('plans a call in a minute with a reminder at the time; the reminder pops up in the open page without a reload', async () => {
    await page.goto(`${server.url}/clients/${clientId}?tab=activities`)
    await page.getByTestId('client-activities').waitFor()
    await page.getByRole('button', { name: 'Запланировать контакт' }).first().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Заполнено по вашим настройкам напоминаний.').waitFor()
    // The reminder the settings give: at the time.
    await dialog.getByText('В момент начала').waitFor()
    // The next whole minute that is at least 30 s away.
    const at = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000)
    await dialog.locator('#activity_title').fill('Первый звонок')
    // Typing the time and Enter takes it and submits the form, as in any form.
    const when = dialog.locator('#activity_startsAt')
    await when.click()
    await when.fill(wall(at))
    await when.press('Enter')
    await page.locator('.ant-modal-title', { hasText: 'Запланировать контакт' }).waitFor({ state: 'hidden' })
    const card = page.getByTestId('activity-card').filter({ hasText: 'Первый звонок' })
    await card.waitFor()
    const planned = (
      await admin.call<{ items: Activity[] }>(
        'GET',
        `/api/activities?from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date(Date.now() + 3600_000).toISOString()}&clientId=${clientId}`,
      )
    ).items.find((a) => a.title === 'Первый звонок')!
    expect(planned.startsAt).toBe(at.toISOString())

    // No reload from here on: the reminder arrives through the page's event stream.
    const popup = page.locator('.ant-notification-notice').filter({ hasText: 'Первый звонок' })
    await popup.waitFor({ timeout: Math.max(0, at.getTime() - Date.now()) + 45_000 })
    // Not before its time, and within 30 s of it.
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime())
    expect(Date.now() - at.getTime()).toBeLessThan(30_000)
    // With the reminder's own actions.
    await popup.getByRole('button', { name: /Отложить на 10/ }).waitFor()
  }, 180_000)

  it('completes the call with an outcome; it is on the client’s timeline with it', async () => {
    const card = page.getByTestId('activity-card').filter({ hasText: 'Первый звонок' })
    await card.getByTestId('activity-complete').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Завершить контакт').waitFor()
    await dialog.getByText('Договорились', { exact: true }).click()
    await dialog.locator('textarea').first().fill('Ждут КП до пятницы')
    await dialog.getByTestId('complete-submit').click()
    await dialog.waitFor({ state: 'detached' })
    // On the timeline's history, with its outcome and result.
    const history = page.getByTestId('client-activities')
    await history.getByText('Ждут КП до пятницы').waitFor()
    await history.getByText('Договорились').first().waitFor()
    const done = (
      await admin.call<{ items: Activity[] }>(
        'GET',
        `/api/activities?from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date(Date.now() + 3600_000).toISOString()}&clientId=${clientId}&status=done`,
      )
    ).items
    expect(done.map((a) => [a.title, a.outcome?.name])).toEqual([['Первый звонок', 'Договорились']])
    // The client now shows its last contact.
    await page.getByTestId('client-last-contact').waitFor()
  })

  it('reschedules the meeting by dragging it an hour later in the week view', async () => {
    const day = new Date(meeting.startsAt).toISOString().slice(0, 10)
    await page.goto(`${server.url}/calendar?view=week&date=${day}`)
    const event = page.locator('.crm-event-body').filter({ hasText: 'Презентация' })
    await event.waitFor()
    // The meeting is an hour long: its height is an hour of the grid; drag it down by that much.
    const box = (await event.boundingBox())!
    const x = box.x + box.width / 2
    const y = box.y + Math.min(10, box.height / 3)
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(x, y + (box.height * i) / 10)
    await page.mouse.up()
    const expected = new Date(new Date(meeting.startsAt).getTime() + 3600_000).toISOString()
    await expect
      .poll(async () => (await admin.call<Activity>('GET', `/api/activities/${meeting.id}`)).startsAt, {
        timeout: 10_000,
      })
      .toBe(expected)
    await page.locator('.crm-event-body').filter({ hasText: 'Презентация' }).getByText(/11:00/).waitFor()
  })
})
