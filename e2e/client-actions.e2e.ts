import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiSession } from './support/api.ts'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

const HEAD = { email: 'head@e2e.example', name: 'Ирина Соколова', password: 'Head-Pass-1234' }
const MANAGER = { email: 'manager@e2e.example', name: 'Алексей Морозов', password: 'Manager-Pass-1' }

interface Card {
  id: number
  name: string
  version: number
  lastName: string
  deletedAt: string | null
  mergedIntoId: number | null
  erasedAt: string | null
  owner: { id: number; name: string } | null
  channels: unknown[]
}

/** Types into an antd select's search and picks the option that shows `text`. */
async function pickOption(page: Page, selectId: string, search: string, text = search): Promise<void> {
  await page.locator(selectId).click()
  if (search) await page.locator(selectId).fill(search)
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click()
}

/** Opens the dossier's "More" menu and chooses an action. */
async function moreAction(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Ещё' }).click()
  await page.getByRole('menuitem', { name }).click()
}

describe('client actions (S2): merging duplicates, reassigning, consents and erasing personal data', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let head: ApiSession
  let managerId: number

  const create = (body: Record<string, unknown>) => head.call<Card>('POST', '/api/clients', body)
  const card = (id: number) => head.call<Card>('GET', `/api/clients/${id}`)

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'ru' })
    const admin = await ApiSession.signIn(server.url, ADMIN.email, ADMIN.password)
    const roles = await admin.call<{ items: Array<{ id: number; code: string }> }>('GET', '/api/roles')
    const roleId = (code: string) => roles.items.find((r) => r.code === code)!.id
    const team = await admin.call<{ id: number }>('POST', '/api/teams', { name: 'Продажи' })
    for (const [u, role] of [
      [HEAD, 'head_of_sales'],
      [MANAGER, 'sales_manager'],
    ] as const) {
      const user = await admin.call<{ id: number }>('POST', '/api/users', {
        email: u.email,
        name: u.name,
        password: u.password,
        roleId: roleId(role),
        teamId: team.id,
        locale: 'ru',
      })
      if (u === MANAGER) managerId = user.id
    }
    head = await ApiSession.signIn(server.url, HEAD.email, HEAD.password)
    browser = await launchBrowser()
    page = await (await browser.newContext({ locale: 'ru-RU' })).newPage()
    await signIn(page, server.url, HEAD.email, HEAD.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('merges a duplicate organization into the one whose card is open: its note and contact person move over, it goes to the trash', async () => {
    const target = await create({
      kind: 'organization',
      name: 'Ромашка',
      legalForm: 'ООО',
      inn: '7707083893',
    })
    const source = await create({ kind: 'organization', name: 'Ромашка Опт', legalForm: 'ООО' })
    await head.call('POST', `/api/clients/${source.id}/contacts`, {
      lastName: 'Орлова',
      firstName: 'Вера',
      position: 'Главный бухгалтер',
    })
    await head.call('POST', '/api/notes', {
      subjectType: 'client',
      subjectId: source.id,
      body: '<p>Просили счёт до пятницы.</p>',
    })

    await page.goto(`${server.url}/clients/${target.id}`)
    await moreAction(page, 'Объединить с…')
    const modal = page.locator('.ant-modal', { hasText: 'Объединение дублей' })
    await pickOption(page, '#merge_source', 'Опт', 'Ромашка Опт')
    await modal.getByTestId('merge-kept').getByText('Ромашка', { exact: true }).waitFor()
    await modal.getByTestId('merge-removed').getByText('Ромашка Опт').waitFor()
    await modal.getByText('Клиент «Ромашка Опт» будет перемещён в корзину').waitFor()
    await modal.getByRole('button', { name: 'Объединить' }).click()
    await page.getByText('Клиент «Ромашка Опт» объединён с «Ромашка»').waitFor()

    await page.getByRole('tab', { name: 'Контактные лица' }).click()
    await page.locator('.ant-table-row', { hasText: 'Орлова Вера' }).getByText('Главный бухгалтер').waitFor()
    await page.getByRole('tab', { name: 'Заметки и файлы' }).click()
    await page.getByText('Просили счёт до пятницы.').first().waitFor()

    await page.goto(`${server.url}/clients?trash=true`)
    await page.locator('.ant-table-row', { hasText: 'Ромашка Опт' }).waitFor()
    const merged = await card(source.id)
    expect([merged.deletedAt !== null, merged.mergedIntoId]).toEqual([true, target.id])
  })

  it('gives two chosen clients to another employee with a reason, which the history keeps', async () => {
    const first = await create({ kind: 'organization', name: 'Лютик', legalForm: 'ООО' })
    const second = await create({ kind: 'person', lastName: 'Васильков', firstName: 'Пётр' })

    await page.goto(`${server.url}/clients`)
    for (const name of ['Лютик', second.name]) {
      await page.locator('.ant-table-row', { hasText: name }).locator('input[type="checkbox"]').check()
    }
    await page.getByRole('button', { name: 'Передать выбранных (2)' }).click()
    const modal = page.locator('.ant-modal', { hasText: 'Передача клиентов другому сотруднику' })
    await modal.getByText('Выбрано клиентов: 2.', { exact: false }).waitFor()
    await pickOption(page, '#reassign_ownerId', 'Морозов', MANAGER.name)
    await page.locator('#reassign_reason').fill('Ирина уходит в отпуск')
    await modal.getByRole('button', { name: 'Передать', exact: true }).click()
    await page.getByText('Передано 2 клиента').waitFor()

    expect((await card(first.id)).owner?.id).toBe(managerId)
    expect((await card(second.id)).owner?.id).toBe(managerId)
    await page.locator('.ant-table-row', { hasText: 'Лютик' }).getByText(MANAGER.name).waitFor()

    await page.goto(`${server.url}/clients/${first.id}?tab=history`)
    await page
      .getByText(/Ирина уходит в отпуск/)
      .first()
      .waitFor()
  })

  it('gives every client the filter matches to another employee in the background, showing the progress', async () => {
    // More than the server changes at once (1,000), so it queues an operation.
    const count = 1010
    for (let i = 0; i < count; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, (_, j) =>
          create({ kind: 'organization', name: `Фильтр ${i + j}`, industry: 'Садоводство' }),
        ),
      )
    }

    await page.goto(`${server.url}/clients?industry=${encodeURIComponent('Садоводство')}`)
    await page.getByRole('button', { name: `Передать всех по фильтру (${count})` }).click()
    const modal = page.locator('.ant-modal', { hasText: 'Передача клиентов другому сотруднику' })
    await pickOption(page, '#reassign_ownerId', 'Морозов', MANAGER.name)
    await page.locator('#reassign_reason').fill('Новый сегмент у Алексея')
    await modal.getByRole('button', { name: 'Передать', exact: true }).click()
    await page.getByTestId('operation-progress').waitFor()
    await page.getByText(`Передано ${count} клиентов`).waitFor({ timeout: 60_000 })
    await page.locator('.ant-table-row', { hasText: 'Фильтр 0' }).getByText(MANAGER.name).waitFor()
    const left = await head.call<{ total: number }>(
      'GET',
      `/api/clients?industry=${encodeURIComponent('Садоводство')}&ownerId=${head.userId}&pageSize=10`,
    )
    expect(left.total).toBe(0)
  })

  it('records a consent to personal data processing and then its withdrawal', async () => {
    const person = await create({ kind: 'person', lastName: 'Смирнова', firstName: 'Анна' })

    await page.goto(`${server.url}/clients/${person.id}?tab=consents`)
    await page.getByText('Согласий пока нет').waitFor()
    await page.getByRole('button', { name: 'Добавить согласие' }).click()
    const modal = page.locator('.ant-modal', { hasText: 'Новое согласие' })
    await page.locator('#consent_purpose').fill('Рассылка коммерческих предложений')
    await pickOption(page, '#consent_method', '', 'По e-mail')
    await page.locator('#consent_textVersion').fill('2.1')
    await modal.getByRole('button', { name: 'Добавить согласие' }).click()
    await page.getByText('Согласие добавлено').waitFor()
    const row = page.locator('.ant-table-row', { hasText: 'Рассылка коммерческих предложений' })
    await row.getByText('По e-mail').waitFor()
    await row.getByText('Действует').waitFor()

    await row.getByRole('button', { name: 'Отозвать' }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Отозвать' }).click()
    await page.getByText('Согласие «Рассылка коммерческих предложений» отозвано').waitFor()
    await expect.poll(() => row.getByText('Действует').count()).toBe(0)
    const consents = await head.call<{ items: Array<{ method: string; withdrawnAt: string | null }> }>(
      'GET',
      `/api/clients/${person.id}/consents`,
    )
    expect(consents.items.map((c) => [c.method, c.withdrawnAt !== null])).toEqual([['email', true]])
  })

  it('erases a person’s personal data after the name is typed out again; the card stays, anonymized', async () => {
    const person = await create({
      kind: 'person',
      lastName: 'Петров',
      firstName: 'Иван',
      channels: [{ type: 'phone', value: '+7 916 111-22-33' }],
    })

    await page.goto(`${server.url}/clients/${person.id}`)
    await page.getByRole('heading', { name: person.name }).waitFor()
    await moreAction(page, 'Удалить персональные данные')
    const modal = page.locator('.ant-modal', { hasText: 'Удаление персональных данных' })
    await modal.getByText('Это действие нельзя отменить').waitFor()
    await page.locator('#erase_reason').fill('Запрос субъекта персональных данных')
    const erase = modal.getByRole('button', { name: 'Удалить безвозвратно' })
    expect(await erase.isDisabled()).toBe(true)
    await page.locator('#erase_confirmName').fill(person.name)
    await erase.click()
    await page.getByText('Персональные данные клиента удалены').waitFor()
    await page.getByRole('heading', { name: `#${person.id}` }).waitFor()
    await page.getByText('Персональные данные удалены', { exact: true }).first().waitFor()

    const erased = await card(person.id)
    expect([erased.name, erased.lastName, erased.channels, erased.erasedAt !== null]).toEqual([
      `#${person.id}`,
      '',
      [],
      true,
    ])
  })
})
