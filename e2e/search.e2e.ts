import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiSession } from './support/api.ts'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

describe('global search (Ctrl+K)', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let clientId = 0

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'ru' })
    const admin = await ApiSession.signIn(server.url, ADMIN.email, ADMIN.password)
    await admin.call('POST', '/api/clients', { kind: 'organization', name: 'Ромашка Север' })
    clientId = (
      await admin.call<{ id: number }>('POST', '/api/clients', {
        kind: 'organization',
        name: 'Василёк Трейд',
        channels: [{ type: 'phone', value: '+7 (921) 456-78-90' }],
      })
    ).id
    browser = await launchBrowser()
    page = await (
      await browser.newContext({ locale: 'ru-RU', viewport: { width: 1400, height: 900 } })
    ).newPage()
    await signIn(page, server.url, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('opens with Ctrl+K, finds a client by a part of its phone, and Enter opens the card', async () => {
    await page.keyboard.press('Control+k')
    const input = page.getByRole('combobox')
    await input.waitFor()
    await input.fill('456-78')
    const option = page.getByRole('option', { name: /Василёк Трейд/ })
    await option.waitFor()
    expect(await option.getAttribute('aria-selected')).toBe('true')
    await input.press('Enter')
    await page.waitForURL((u) => u.pathname === `/clients/${clientId}`)
    expect(await page.getByRole('dialog').count()).toBe(0)
  })

  it('moves through the results with the arrows and closes with Esc', async () => {
    await page.getByRole('button', { name: 'Открыть поиск' }).click()
    const input = page.getByRole('combobox')
    await input.fill('ромаш')
    await page.getByRole('option', { name: /Ромашка Север/ }).waitFor()
    await input.press('ArrowDown')
    await input.press('Escape')
    await page.getByRole('combobox').waitFor({ state: 'detached' })
  })
})
