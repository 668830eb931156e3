import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiSession } from './support/api.ts'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

const MANAGER = { email: 'manager@e2e.example', name: 'Алексей Морозов', password: 'Manager-Pass-1' }
const HEAD = { email: 'head@e2e.example', name: 'Ирина Соколова', password: 'Head-Pass-1234' }

describe('clients (S2): the dossier a sales team builds together', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let clientId: number
  let head: ApiSession
  const attachment = path.join(os.tmpdir(), 'Договор поставки.txt')

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'ru' })
    const admin = await ApiSession.signIn(server.url, ADMIN.email, ADMIN.password)
    const roles = await admin.call<{ items: Array<{ id: number; code: string }> }>('GET', '/api/roles')
    const roleId = (code: string) => roles.items.find((r) => r.code === code)!.id
    const team = await admin.call<{ id: number }>('POST', '/api/teams', { name: 'Продажи' })
    for (const [u, role] of [
      [MANAGER, 'sales_manager'],
      [HEAD, 'head_of_sales'],
    ] as const) {
      await admin.call('POST', '/api/users', {
        email: u.email,
        name: u.name,
        password: u.password,
        roleId: roleId(role),
        teamId: team.id,
        locale: 'ru',
      })
    }
    head = await ApiSession.signIn(server.url, HEAD.email, HEAD.password)
    fs.writeFileSync(attachment, 'Условия поставки на 2027 год')
    browser = await launchBrowser()
    page = await (await browser.newContext({ locale: 'ru-RU' })).newPage()
    await signIn(page, server.url, MANAGER.email, MANAGER.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    fs.rmSync(attachment, { force: true })
  })

  it('refuses an organization with a wrong ИНН, saying why next to the field in Russian; saves it once fixed', async () => {
    await page.locator('nav').getByText('Клиенты').click()
    await page.waitForURL(/\/clients/)
    await page.goto(`${server.url}/clients/new?kind=organization`)
    await page.locator('#client_name').fill('Ромашка')
    await page.locator('#client_inn').fill('7707083894')
    await page.locator('form#client button[type="submit"]').click()
    const innItem = page.locator('.ant-form-item', { has: page.locator('#client_inn') })
    await innItem.getByText('ИНН: не сходится контрольное число — проверьте, нет ли опечатки.').waitFor()
    await page.locator('#client_inn').fill('7707083893')
    await page.locator('form#client button[type="submit"]').click()
    await page.waitForURL(/\/clients\/\d+$/)
    clientId = Number(new URL(page.url()).pathname.split('/').pop())
    await page.getByText('7707083893').first().waitFor()
  })

  it('adds a contact person with a phone in any format', async () => {
    await page.getByRole('tab', { name: 'Контактные лица' }).click()
    await page.getByRole('button', { name: 'Добавить контактное лицо' }).first().click()
    await page.locator('#contact_lastName').fill('Орлова')
    await page.locator('#contact_firstName').fill('Вера')
    await page.locator('#contact_position').fill('Главный бухгалтер')
    await page.locator('form#contact').getByRole('button', { name: 'Телефон' }).click()
    await page.locator('#contact_channels_0_value').fill('8 (916) 765-43-21')
    await page.locator('form#contact').getByRole('button', { name: 'Сохранить' }).click()
    await page.getByText('Контактное лицо добавлено').waitFor()
    await page.locator('.ant-table-row', { hasText: 'Орлова Вера' }).getByText('Главный бухгалтер').waitFor()
    const contacts = await head.call<{
      items: Array<{ name: string; channels: Array<{ normalized: string }> }>
    }>('GET', `/api/clients/${clientId}/contacts`)
    expect(contacts.items.map((c) => [c.name, c.channels[0]?.normalized])).toEqual([
      ['Орлова Вера', '+79167654321'],
    ])
  })

  it('adds a note with a file to the dossier', async () => {
    await page.getByRole('tab', { name: 'Заметки и файлы' }).click()
    const editor = page.getByRole('textbox', { name: 'Текст заметки' })
    await editor.click()
    await page.keyboard.type('Договорились о поставке к концу квартала.')
    await page.locator('input[type="file"]').first().setInputFiles(attachment)
    await page.getByText('Договор поставки.txt').first().waitFor()
    await page.getByRole('button', { name: 'Добавить заметку' }).click()
    await page.getByText('Заметка добавлена').waitFor()
    await page
      .locator('.mm-note-body, [class*="note"]', { hasText: 'Договорились о поставке к концу квартала.' })
      .first()
      .waitFor()
    const files = await head.call<{ items: Array<{ name: string }> }>(
      'GET',
      `/api/files?subjectType=client&subjectId=${clientId}`,
    )
    expect(files.items.map((f) => f.name)).toEqual(['Договор поставки.txt'])
  })

  it('refuses a stale save after a colleague’s edit, with a clear message; the history shows both changes with their authors', async () => {
    await page.goto(`${server.url}/clients/${clientId}/edit`)
    await page.locator('#client_industry').fill('Розничная торговля')
    // meanwhile the head of sales changes the same client
    const current = await head.call<{ version: number }>('GET', `/api/clients/${clientId}`)
    await head.call(
      'PATCH',
      `/api/clients/${clientId}`,
      { description: 'Ключевой клиент региона' },
      current.version,
    )
    await page.locator('form#client button[type="submit"]').click()
    await page.getByText('Запись уже изменена').waitFor()
    await page
      .getByText(/Запись изменил другой сотрудник/)
      .first()
      .waitFor()
    await page.getByRole('button', { name: 'Обновить' }).click()
    // The form has taken the colleague's version (else typing now would be overwritten by the reload).
    await expect.poll(() => page.locator('#client_description').inputValue()).toBe('Ключевой клиент региона')
    await page.locator('#client_industry').fill('Розничная торговля')
    await page.locator('form#client button[type="submit"]').click()
    await page.waitForURL(new RegExp(`/clients/${clientId}$`))
    await page.getByText('Ключевой клиент региона').first().waitFor()
    await page.getByRole('tab', { name: 'История изменений' }).click()
    // each entry: "<when> · <who>", then field: before → after
    await page
      .getByText(new RegExp(`· ${HEAD.name}$`))
      .first()
      .waitFor()
    await page
      .getByText(new RegExp(`· ${MANAGER.name}$`))
      .first()
      .waitFor()
    await page.getByText('Отрасль: — → Розничная торговля').waitFor()
    await page.getByText('Описание: — → Ключевой клиент региона').waitFor()
  })
})
