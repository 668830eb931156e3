import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

const MANAGER = { email: 'o.ivanova@e2e.example', name: 'Ольга Иванова', password: 'Manager-Pass-1' }
const TEAM = 'North sales'

async function pickOption(page: Page, selectId: string, text: string): Promise<void> {
  await page.locator(selectId).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click()
}

describe('foundation: the administrator sets up a team and a manager, who works in Russian and is kept out of administration', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    // The company default is English, so the Russian interface below comes from the manager's own setting.
    server = await startServer({ CRM_DEFAULT_LOCALE: 'en' })
    browser = await launchBrowser()
    page = await (await browser.newContext({ locale: 'en-GB' })).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('signs the administrator in', async () => {
    await signIn(page, server.url, ADMIN.email, ADMIN.password)
    await expect.poll(() => page.locator('nav').getByText('Administration').isVisible()).toBe(true)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
  })

  it('creates a team', async () => {
    await page.locator('nav').getByText('Teams', { exact: true }).click()
    await page.waitForURL(/\/admin\/teams/)
    await page.getByRole('button', { name: 'Create team' }).click()
    await page.locator('#team_name').fill(TEAM)
    await page.locator('form#team').getByRole('button', { name: 'Save' }).click()
    await page.getByText('Team created').waitFor()
    await page.locator('.ant-table-row', { hasText: TEAM }).waitFor()
  })

  it('adds a sales manager to the team, with Russian as their language', async () => {
    await page.locator('nav').getByText('Employees', { exact: true }).click()
    await page.waitForURL(/\/admin\/employees/)
    await page.getByRole('button', { name: 'Add employee' }).click()
    await page.locator('#user_email').fill(MANAGER.email)
    await page.locator('#user_name').fill(MANAGER.name)
    await page.locator('#user_password').fill(MANAGER.password)
    await pickOption(page, '#user_roleId', 'Sales manager')
    await pickOption(page, '#user_teamId', TEAM)
    await pickOption(page, '#user_locale', 'Russian')
    await page.locator('form#user').getByRole('button', { name: 'Save' }).click()
    await page.getByText('Employee added').waitFor()
    await page.locator('.ant-table-row', { hasText: MANAGER.email }).waitFor()
  })

  it('shows a field-level error from the server next to the field', async () => {
    await page.getByRole('button', { name: 'Add employee' }).click()
    await page.locator('#user_email').fill(MANAGER.email)
    await page.locator('#user_name').fill('Someone Else')
    await page.locator('#user_password').fill('Another-Pass-2')
    await pickOption(page, '#user_roleId', 'Sales manager')
    await page.locator('form#user').getByRole('button', { name: 'Save' }).click()
    const emailItem = page.locator('.ant-form-item', { has: page.locator('#user_email') })
    await emailItem.getByText('An employee with this e-mail already exists.').waitFor()
    await page.keyboard.press('Escape')
  })

  it('signs out through the user menu', async () => {
    await page.goto(`${server.url}/`)
    await page.getByRole('button', { name: /Administrator/ }).click()
    await page.getByText('Sign out', { exact: true }).click()
    await page.waitForURL(/\/login$/)
  })

  it('signs the manager in: the interface is in Russian', async () => {
    await signIn(page, server.url, MANAGER.email, MANAGER.password)
    await page.locator('nav').getByText('Главная').waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('ru')
    await page.getByText(`Отдел «${TEAM}»`).waitFor()
    // no administration in the navigation
    expect(await page.locator('nav').getByText('Администрирование').count()).toBe(0)
  })

  it('refuses the manager the administration pages, showing no data', async () => {
    for (const path of ['/admin/employees', '/admin/teams', '/admin/roles', '/admin/audit']) {
      await page.goto(`${server.url}${path}`)
      await page.getByText('Нет доступа').waitFor()
      expect(await page.locator('.ant-table-row').count()).toBe(0)
    }
  })
})
