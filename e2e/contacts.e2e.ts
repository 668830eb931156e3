import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiSession } from './support/api.ts'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

const MANAGER = { email: 'manager@e2e.example', name: 'Алексей Морозов', password: 'Manager-Pass-1' }

describe('contact persons (S2): one person working for several organizations', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let manager: ApiSession
  let romashka: number
  let vasilek: number

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'ru' })
    const admin = await ApiSession.signIn(server.url, ADMIN.email, ADMIN.password)
    const roles = await admin.call<{ items: Array<{ id: number; code: string }> }>('GET', '/api/roles')
    const team = await admin.call<{ id: number }>('POST', '/api/teams', { name: 'Продажи' })
    await admin.call('POST', '/api/users', {
      email: MANAGER.email,
      name: MANAGER.name,
      password: MANAGER.password,
      roleId: roles.items.find((r) => r.code === 'sales_manager')!.id,
      teamId: team.id,
      locale: 'ru',
    })
    manager = await ApiSession.signIn(server.url, MANAGER.email, MANAGER.password)
    romashka = (
      await manager.call<{ id: number }>('POST', '/api/clients', { kind: 'organization', name: 'Ромашка' })
    ).id
    vasilek = (
      await manager.call<{ id: number }>('POST', '/api/clients', { kind: 'organization', name: 'Василёк' })
    ).id
    browser = await launchBrowser()
    page = await (await browser.newContext({ locale: 'ru-RU' })).newPage()
    await signIn(page, server.url, MANAGER.email, MANAGER.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('adds a contact person to the first organization', async () => {
    await page.goto(`${server.url}/clients/${romashka}?tab=contacts`)
    await page.getByRole('button', { name: 'Добавить контактное лицо' }).first().click()
    await page.locator('#contact_lastName').fill('Орлова')
    await page.locator('#contact_firstName').fill('Вера')
    await page.locator('#contact_position').fill('Главный бухгалтер')
    await page.locator('form#contact').getByRole('button', { name: 'Телефон' }).click()
    await page.locator('#contact_channels_0_value').fill('8 (916) 765-43-21')
    await page.locator('form#contact').getByRole('button', { name: 'Сохранить' }).click()
    await page.getByText('Контактное лицо добавлено').waitFor()
    await page.locator('.ant-table-row', { hasText: 'Орлова Вера' }).getByText('Главный бухгалтер').waitFor()
  })

  it('links the same person to the second organization with another position, found by phone', async () => {
    await page.goto(`${server.url}/clients/${vasilek}?tab=contacts`)
    await page.getByRole('button', { name: 'Привязать существующее контактное лицо' }).click()
    // another format than the one typed when adding
    await page.locator('#contactLink_contactId').fill('+7 916 765 43 21')
    const option = page.locator('.ant-select-item-option', { hasText: 'Орлова Вера' })
    await option.getByText('Ромашка (Главный бухгалтер)').waitFor()
    await option.click()
    await page.locator('#contactLink_position').fill('Консультант')
    await page.locator('form#contactLink').getByRole('button', { name: 'Привязать' }).click()
    await page.getByText('Орлова Вера — теперь контактное лицо организации').waitFor()
    const row = page.locator('.ant-table-row', { hasText: 'Орлова Вера' })
    await row.getByText('Консультант').waitFor()
    await row.getByRole('link', { name: 'Ромашка' }).waitFor()
    await row.getByText('Главный бухгалтер').waitFor()

    const [linked] = (
      await manager.call<{ items: Array<{ id: number }> }>('GET', `/api/clients/${vasilek}/contacts`)
    ).items
    const person = await manager.call<{ organizations: Array<{ clientId: number; position: string }> }>(
      'GET',
      `/api/contacts/${linked!.id}`,
    )
    expect(person.organizations.map((o) => [o.clientId, o.position])).toEqual([
      [romashka, 'Главный бухгалтер'],
      [vasilek, 'Консультант'],
    ])
  })

  it('shows both organizations on the person’s row and card, each leading to its dossier', async () => {
    await page.goto(`${server.url}/clients/${romashka}?tab=contacts`)
    const row = page.locator('.ant-table-row', { hasText: 'Орлова Вера' })
    await row.getByRole('link', { name: 'Василёк' }).waitFor()
    await row.getByText('Консультант').waitFor()
    await row.getByRole('button', { name: 'Орлова Вера' }).click()
    const card = page.getByRole('dialog').filter({ hasText: 'Организации' })
    await card.getByRole('link', { name: 'Ромашка' }).waitFor()
    await card.getByText('Главный бухгалтер').waitFor()
    await card.getByText('Консультант').waitFor()
    await card.getByRole('tab', { name: 'История изменений' }).click()
    await card.getByText(`· ${MANAGER.name}`).first().waitFor()
    await card.getByRole('tab', { name: 'Данные' }).click()
    await card.getByRole('link', { name: 'Василёк' }).click()
    await page.waitForURL(new RegExp(`/clients/${vasilek}$`))
  })
})
