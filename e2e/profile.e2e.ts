import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

describe('profile: language, theme, time zone, password and API tokens, kept per employee', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'en' })
    browser = await launchBrowser()
    page = await (await browser.newContext({ locale: 'en-GB' })).newPage()
    await signIn(page, server.url, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('switches to Russian from the header and keeps it after a reload (saved on the employee)', async () => {
    await page.getByRole('button', { name: 'Language' }).click()
    await page.locator('.ant-dropdown:visible').getByText('Русский').click()
    await page.locator('nav').getByText('Главная').waitFor()
    await page.reload()
    await page.locator('nav').getByText('Главная').waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('ru')
  })

  it('switches to the dark theme and keeps it', async () => {
    await page.getByRole('button', { name: /^Оформление/ }).click()
    await page.locator('.ant-dropdown:visible').getByText('Тёмное').click()
    await expect.poll(() => page.evaluate(() => document.documentElement.style.colorScheme)).toBe('dark')
    await page.reload()
    await expect.poll(() => page.evaluate(() => document.documentElement.style.colorScheme)).toBe('dark')
  })

  it('changes the time zone in the profile', async () => {
    await page.goto(`${server.url}/profile`)
    await page.locator('#profile_timeZone').click()
    await page.keyboard.type('Vladivostok')
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Vladivostok' })
      .first()
      .click()
    await page.locator('form#profile').getByRole('button', { name: 'Сохранить' }).click()
    await page.getByText('Сохранено').first().waitFor()
    const me = await page.evaluate(async () => (await fetch('/api/me')).json())
    expect(me.timeZone).toBe('Asia/Vladivostok')
  })

  it('creates an API token, shown once, that works as a bearer token; then revokes it', async () => {
    await page.getByRole('button', { name: 'Создать токен' }).click()
    await page.locator('#token_name').fill('1C exchange')
    await page.locator('.ant-modal:visible').getByRole('button', { name: 'Создать токен' }).click()
    const tokenText = await page
      .locator('.ant-modal:visible code')
      .filter({ hasText: /^mmcrm_\w+_/ })
      .textContent()
    expect(tokenText).toMatch(/^mmcrm_\w+_/)
    const viaToken = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${tokenText?.trim()}` },
    })
    expect(viaToken.status).toBe(200)
    await page.getByRole('button', { name: 'Готово, я скопировал' }).click()
    await page
      .locator('.ant-table-row', { hasText: '1C exchange' })
      .getByRole('button', { name: 'Отозвать' })
      .click()
    await page
      .locator('.ant-popconfirm:visible, .ant-modal-confirm:visible')
      .getByRole('button', { name: /Отозвать|OK|Да/ })
      .click()
    await page.locator('.ant-table-row', { hasText: '1C exchange' }).getByText('Отозван').waitFor()
    const afterRevoke = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${tokenText?.trim()}` },
    })
    expect(afterRevoke.status).toBe(401)
  })

  it('changes the password, with the server’s field error for a wrong current one', async () => {
    await page.locator('#password_currentPassword').fill('not-my-password-1')
    await page.locator('#password_newPassword').fill('Next-Admin-Pass-2')
    await page.locator('#password_repeat').fill('Next-Admin-Pass-2')
    await page.locator('form#password').getByRole('button', { name: 'Сменить пароль' }).click()
    await page
      .locator('.ant-form-item', { has: page.locator('#password_currentPassword') })
      .getByText('Текущий пароль указан неверно.')
      .waitFor()
    await page.locator('#password_currentPassword').fill(ADMIN.password)
    await page.locator('form#password').getByRole('button', { name: 'Сменить пароль' }).click()
    await page.getByText('Пароль изменён').first().waitFor()
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: 'Next-Admin-Pass-2' }),
    })
    expect(login.status).toBe(200)
  })
})
