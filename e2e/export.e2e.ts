import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiSession } from './support/api.ts'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

describe('exporting the client list', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let admin: ApiSession

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'ru' })
    admin = await ApiSession.signIn(server.url, ADMIN.email, ADMIN.password)
    for (const [name, source, phone] of [
      ['Экспорт Альфа', 'выставка', '+7 916 123-45-67'],
      ['=HYPERLINK("http://evil.example";"Экспорт Бета")', 'выставка', ''],
      ['Экспорт Гамма', 'сайт', ''],
    ]) {
      await admin.call('POST', '/api/clients', {
        kind: 'organization',
        name,
        source,
        channels: phone ? [{ type: 'phone', value: phone }] : [],
      })
    }
    browser = await launchBrowser()
    page = await (await browser.newContext({ locale: 'ru-RU', acceptDownloads: true })).newPage()
    await signIn(page, server.url, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('exports the filtered list as CSV with its columns and sort, formulas neutralized', async () => {
    const query = new URLSearchParams({ source: 'выставка', sort: 'name', cols: 'name,phone,source' })
    await page.goto(`${server.url}/clients?${query}`)
    await page.getByText('Экспорт Альфа').first().waitFor()
    await page.getByTestId('export-button').click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /CSV/ }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^клиенты-\d{4}-\d{2}-\d{2}\.csv$/)
    const file = await download.path()
    const text = fs.readFileSync(file, 'utf8')
    expect(text.startsWith('\ufeff')).toBe(true)
    const lines = text.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe('Название;Телефон;Источник')
    // Only the filtered clients, sorted by name ('=' sorts before letters), the formula neutralized.
    expect(lines.slice(1)).toEqual([
      `"'=HYPERLINK(""http://evil.example"";""Экспорт Бета"")";;выставка`,
      "Экспорт Альфа;'+7 916 123 45 67;выставка",
    ])
    await page.getByText(/Выгружено 2 клиента/).waitFor()
  })
})
