import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiSession } from './support/api.ts'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

/** Text as Russian Excel saves "CSV (разделители — точка с запятой)": Windows-1251 (Cyrillic, Ё/ё and ASCII here). */
function cp1251(text: string): Buffer {
  const bytes: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x80) bytes.push(code)
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0)
    else if (code === 0x401) bytes.push(0xa8)
    else if (code === 0x451) bytes.push(0xb8)
    else throw new Error(`not in this Windows-1251 subset: ${ch}`)
  }
  return Buffer.from(bytes)
}

const CSV = [
  'Наименование;ИНН;Телефон;E-mail;Ответственный',
  `"Импорт Альфа";7707083893;+7 (916) 111-22-33;alpha@import.example;${ADMIN.email}`,
  `Импорт Бета;7736207543;8 916 222 33 44;beta@import.example;${ADMIN.email}`,
  'Импорт Гамма;1234567890;;gamma@import.example;',
].join('\r\n')

describe('importing clients from a Russian Excel CSV through the wizard', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let admin: ApiSession
  let importUrl = ''

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'ru' })
    admin = await ApiSession.signIn(server.url, ADMIN.email, ADMIN.password)
    browser = await launchBrowser()
    page = await (await browser.newContext({ locale: 'ru-RU', acceptDownloads: true })).newPage()
    await signIn(page, server.url, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  /** The label the Select of a file column shows. */
  const target = (header: string) =>
    page
      .getByTestId('import-mapping')
      .locator('tr', { has: page.locator('td', { hasText: new RegExp(`^${header}$`) }) })
      .locator('.ant-select')
      .first()
      .textContent()

  it('uploads a cp1251 file, guesses the mapping, dry-runs with the bad ИНН reported, imports the rest', async () => {
    await page.goto(`${server.url}/clients`)
    await page.getByTestId('import-button').click()
    await page.waitForURL(/\/clients\/import$/)
    await page.locator('input[type="file"]').setInputFiles({
      name: 'клиенты.csv',
      mimeType: 'text/csv',
      buffer: cp1251(CSV),
    })

    // Step 2: the file as read, and the columns as guessed from the Russian headers.
    await page.waitForURL(/\/clients\/import\/\d+\?step=mapping$/)
    await page.getByTestId('import-encoding').getByText('windows-1251').waitFor()
    await page.getByTestId('import-delimiter').getByText('точка с запятой (;)').waitFor()
    expect(await page.getByTestId('import-rows').textContent()).toBe('3')
    await page.getByTestId('import-mapping').getByText('Импорт Альфа').waitFor()
    // A reload resumes the same step of the same import.
    await page.reload()
    await page.getByTestId('import-mapping').getByText('Импорт Альфа').waitFor()
    expect(await target('Наименование')).toContain('Название')
    expect(await target('ИНН')).toContain('ИНН')
    expect(await target('Телефон')).toContain('Телефон')
    expect(await target('E-mail')).toContain('E-mail')
    expect(await target('Ответственный')).toContain('Ответственный')
    await page.getByTestId('import-next').click()

    // Step 3: the defaults will do; the dry run follows.
    await page.waitForURL(/step=settings$/)
    await page.getByTestId('import-check').click()
    await page.waitForURL(/step=check$/)
    await page.getByTestId('import-report').waitFor()
    expect(await page.getByTestId('import-count-error').locator('.ant-statistic-content').textContent()).toBe(
      '1',
    )
    expect(
      await page.getByTestId('import-count-create').locator('.ant-statistic-content').textContent(),
    ).toBe('2')
    const errors = page.getByTestId('import-rows-error').locator('.ant-table-tbody .ant-table-row')
    await errors.first().waitFor()
    expect(await errors.count()).toBe(1)
    const problem = await errors.first().textContent()
    expect(problem).toContain('Импорт Гамма')
    expect(problem).toMatch(/ИНН:[^\n]*[а-яё]{3,}/)

    // Step 5: the import runs, ends with what it did and the way to the rejected row.
    await page.getByTestId('import-run').click()
    await page.waitForURL(/step=run$/)
    const result = page.getByTestId('import-result')
    await result.getByText('Импорт завершён').waitFor({ timeout: 60_000 })
    await result.getByText(/Создано: 2,.*отклонено: 1/).waitFor()
    await page.getByTestId('import-report-csv').waitFor()
    await page.getByTestId('import-rollback').waitFor()
    importUrl = page.url()

    await page.getByTestId('import-open-clients').click()
    await page.waitForURL(/\/clients\?/)
    await page.getByText('Импорт Альфа').first().waitFor()
    await page.getByText('Импорт Бета').first().waitFor()
    expect(await page.getByText('Импорт Гамма').count()).toBe(0)

    const found = await admin.call<{ items: Array<{ name: string; ownerId: number | null }>; total: number }>(
      'GET',
      `/api/clients?q=${encodeURIComponent('Импорт')}`,
    )
    expect(found.items.map((c) => c.name).sort()).toEqual(['Импорт Альфа', 'Импорт Бета'])

    // The imported client is found by a part of its phone (typed "8 916 222 33 44" in the file) with Ctrl+K.
    await page.keyboard.press('Control+k')
    const search = page.getByRole('dialog').getByRole('combobox')
    await search.waitFor()
    await search.fill('222-33')
    await page.getByRole('option', { name: /Импорт Бета/ }).waitFor()
    await search.press('Escape')

    // The filtered list goes back out to Excel's CSV with the imported phones.
    await page.goto(
      `${server.url}/clients?${new URLSearchParams({ q: 'Импорт', sort: 'name', cols: 'name,phone,email' })}`,
    )
    await page.getByText('Импорт Бета').first().waitFor()
    await page.getByTestId('export-button').click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /CSV/ }).click(),
    ])
    const text = fs.readFileSync(await download.path(), 'utf8')
    expect(text.slice(1).trimEnd().split('\r\n')).toEqual([
      'Название;Телефон;E-mail',
      "Импорт Альфа;'+7 916 111 22 33;alpha@import.example",
      "Импорт Бета;'+7 916 222 33 44;beta@import.example",
    ])
  })

  it('remembers the mapping for the same headers, and rolls the import back on request', async () => {
    await page.goto(`${server.url}/clients/import`)
    await page.locator('input[type="file"]').setInputFiles({
      name: 'клиенты-2.csv',
      mimeType: 'text/csv',
      buffer: cp1251(CSV),
    })
    await page.waitForURL(/step=mapping$/)
    await page.getByTestId('import-mapping-remembered').waitFor()

    await page.goto(importUrl)
    await page.getByTestId('import-rollback').click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Откатить импорт' }).click()
    await page
      .getByTestId('import-result')
      .getByText(/Импорт откачен/)
      .waitFor({ timeout: 60_000 })
    const found = await admin.call<{ total: number }>('GET', `/api/clients?q=${encodeURIComponent('Импорт')}`)
    expect(found.total).toBe(0)
  })
})
