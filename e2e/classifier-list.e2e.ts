import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiSession } from './support/api.ts'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

const HEAD = { email: 'head@e2e.example', name: 'Ирина Соколова', password: 'Head-Pass-1234' }

interface Node {
  id: number
}
interface Membership {
  classifierId: number
  nodeId: number
}

/** Names of the rows the list shows, top to bottom (without the legal form the list adds). */
async function rowNames(page: Page): Promise<string[]> {
  const names = await page.locator('.ant-table-tbody .ant-table-row a[href^="/clients/"]').allTextContents()
  return names.map((n) => n.replace(/, ООО$/, ''))
}

/** Picks a node in an open TreeSelect dropdown. */
async function pickTreeNode(page: Page, text: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-treenode', { hasText: text })
    .first()
    .click()
}

describe('classifier in the client list (S1): card, bulk, facets, multi-key sort, saved views', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let admin: ApiSession
  let head: ApiSession
  const nodes = new Map<string, number>()
  const clients = new Map<string, number>()
  const classifiers = { industry: 0, temperature: 0 }
  /** A node's or client's id by its name. */
  const nodeId = (name: string) => nodes.get(name) ?? 0
  const clientId = (name: string) => clients.get(name) ?? 0

  const addNode = async (classifier: number, name: string, en: string, parent?: string, color = '') => {
    const created = await admin.call<Node>('POST', `/api/classifiers/${classifier}/nodes`, {
      parentId: parent ? nodeId(parent) : null,
      name: { ru: name, en },
      color,
    })
    nodes.set(name, created.id)
  }
  const classify = (names: string[], nodeName: string) =>
    head.call('POST', '/api/clients/classify', {
      ids: names.map(clientId),
      nodeId: nodeId(nodeName),
      action: 'add',
    })
  const membership = async (name: string) =>
    (
      await head.call<{ items: Membership[] }>('GET', `/api/clients/${clientId(name)}/classification`)
    ).items.map((m) => m.nodeId)

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'ru' })
    admin = await ApiSession.signIn(server.url, ADMIN.email, ADMIN.password)
    const roles = await admin.call<{ items: Array<{ id: number; code: string }> }>('GET', '/api/roles')
    const team = await admin.call<{ id: number }>('POST', '/api/teams', { name: 'Продажи' })
    await admin.call('POST', '/api/users', {
      email: HEAD.email,
      name: HEAD.name,
      password: HEAD.password,
      roleId: roles.items.find((r) => r.code === 'head_of_sales')!.id,
      teamId: team.id,
      locale: 'ru',
    })
    head = await ApiSession.signIn(server.url, HEAD.email, HEAD.password)

    // A two-level tree, several nodes per client, and an exclusive ordered one.
    classifiers.industry = (
      await admin.call<{ id: number }>('POST', '/api/classifiers', {
        name: { ru: 'Отрасль', en: 'Industry' },
        multiple: true,
      })
    ).id
    await addNode(classifiers.industry, 'Розница', 'Retail', undefined, '#1677ff')
    await addNode(classifiers.industry, 'Продукты', 'Food', 'Розница')
    await addNode(classifiers.industry, 'Одежда', 'Clothes', 'Розница')
    await addNode(classifiers.industry, 'Производство', 'Manufacturing', undefined, '#52c41a')
    await addNode(classifiers.industry, 'Металлургия', 'Metals', 'Производство')
    await addNode(classifiers.industry, 'Услуги', 'Services')
    classifiers.temperature = (
      await admin.call<{ id: number }>('POST', '/api/classifiers', {
        name: { ru: 'Температура', en: 'Temperature' },
        multiple: false,
      })
    ).id
    await addNode(classifiers.temperature, 'холодный', 'cold', undefined, '#1890ff')
    await addNode(classifiers.temperature, 'тёплый', 'warm', undefined, '#faad14')
    await addNode(classifiers.temperature, 'горячий', 'hot', undefined, '#f5222d')

    for (const name of ['Альфа', 'Бета', 'Гамма', 'Дельта', 'Эпсилон', 'Зета', 'Эта', 'Тета']) {
      const created = await head.call<{ id: number }>('POST', '/api/clients', {
        kind: 'organization',
        name,
        legalForm: 'ООО',
      })
      clients.set(name, created.id)
    }
    await classify(['Альфа', 'Эпсилон', 'Эта'], 'Продукты')
    await classify(['Бета'], 'Одежда')
    await classify(['Гамма'], 'Металлургия')
    await classify(['Дельта', 'Тета'], 'Услуги')
    await classify(['Альфа', 'Гамма'], 'горячий')
    await classify(['Бета', 'Тета'], 'тёплый')
    await classify(['Дельта', 'Эпсилон'], 'холодный')

    browser = await launchBrowser()
    page = await (
      await browser.newContext({ locale: 'ru-RU', viewport: { width: 1600, height: 1000 } })
    ).newPage()
    await signIn(page, server.url, HEAD.email, HEAD.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('classifies a client from its card: a tree selector per classifier, saved at once, twice in a row', async () => {
    await page.goto(`${server.url}/clients/${clientId('Зета')}?tab=classification`)
    const panel = page.getByTestId('classification-panel')
    await panel.getByText('Отрасль').waitFor()
    await page.locator(`#classification-${classifiers.industry}`).click()
    await pickTreeNode(page, 'Одежда')
    await page.getByText('Классификация сохранена').first().waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => membership('Зета')).toEqual([nodeId('Одежда')])

    // The second save carries the client's new version (the first one changed it).
    await page.locator(`#classification-${classifiers.temperature}`).click()
    await pickTreeNode(page, 'тёплый')
    await expect
      .poll(async () => (await membership('Зета')).sort())
      .toEqual([nodeId('Одежда'), nodeId('тёплый')].sort())
    await page.getByTestId('classification-history').getByText('Одежда').first().waitFor()
    await page.getByTestId('classification-history').getByText(HEAD.name).first().waitFor()
  })

  it('classifies two chosen clients in bulk from the list; the exclusive tree replaces the old category', async () => {
    await page.goto(`${server.url}/clients`)
    for (const name of ['Зета', 'Эта']) {
      await page.locator('.ant-table-row', { hasText: name }).locator('input[type="checkbox"]').check()
    }
    await page.getByRole('button', { name: 'Классифицировать…' }).click()
    const modal = page.locator('.ant-modal', { hasText: 'Классификация клиентов' })
    await modal.getByText('Выбранных (2)').waitFor()
    await page.locator('#classify_classifierId').click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Температура' })
      .click()
    await page.locator('#classify_nodeId').click()
    await pickTreeNode(page, 'горячий')
    await modal.getByRole('button', { name: 'Применить' }).click()
    await page.getByText('Классифицировано 2 клиента').waitFor()
    expect((await membership('Зета')).sort()).toEqual([nodeId('Одежда'), nodeId('горячий')].sort())
    expect((await membership('Эта')).sort()).toEqual([nodeId('Продукты'), nodeId('горячий')].sort())
  })

  it('filters by two trees in the panel: the counts follow the filter and the list shrinks', async () => {
    await page.goto(`${server.url}/clients`)
    const panel = page.getByTestId('classifier-facets')
    const count = (name: string) => panel.getByTestId(`facet-count-${nodeId(name)}`)
    await expect.poll(() => count('горячий').textContent()).toBe('4')
    await expect.poll(() => count('Розница').textContent()).toBe('5')
    expect(await rowNames(page)).toHaveLength(8)

    await panel.locator('.ant-tree-treenode', { hasText: 'Розница' }).locator('.ant-tree-checkbox').click()
    await expect.poll(() => rowNames(page)).toEqual(['Альфа', 'Бета', 'Зета', 'Эпсилон', 'Эта'])
    await expect.poll(() => count('горячий').textContent()).toBe('3')
    await expect.poll(() => count('холодный').textContent()).toBe('1')
    // With a choice in "Отрасль", its other nodes say what the list would hold instead.
    await expect
      .poll(() => panel.getByTestId(`facet-reach-${nodeId('Производство')}`).textContent())
      .toBe('(1)')

    await panel.locator('.ant-tree-treenode', { hasText: 'горячий' }).locator('.ant-tree-checkbox').click()
    await expect.poll(() => rowNames(page)).toEqual(['Альфа', 'Зета', 'Эта'])
    await expect.poll(() => count('Розница').textContent()).toBe('3')
    expect(new URL(page.url()).searchParams.get('classIn')).toBe(`${nodeId('Розница')},${nodeId('горячий')}`)

    // "Not in": excluding Food leaves the hot retail clients outside it.
    await panel.getByRole('button', { name: 'Исключить «Продукты»' }).click()
    await expect.poll(() => rowNames(page)).toEqual(['Зета'])
    await page.getByTestId('classifier-chips').getByText('Отрасль: не Розница / Продукты').waitFor()
    await panel.getByRole('button', { name: 'Не исключать «Продукты»' }).click()
    await expect.poll(() => rowNames(page)).toEqual(['Альфа', 'Зета', 'Эта'])

    // Closing a chip drops that filter.
    await page
      .getByTestId('classifier-chips')
      .locator('.ant-tag', { hasText: 'Температура: горячий' })
      .locator('.ant-tag-close-icon')
      .click()
    await expect.poll(() => rowNames(page)).toEqual(['Альфа', 'Бета', 'Зета', 'Эпсилон', 'Эта'])
  })

  it('sorts by two classifier orders, then by name, from the sort builder', async () => {
    await page.getByRole('button', { name: 'Сортировка' }).click()
    const builder = page.getByTestId('sort-builder')
    const add = async (label: string) => {
      const box = builder.getByRole('combobox', { name: 'Добавить признак сортировки' })
      await box.click()
      // The list is long (and virtual): type to narrow it, as a user would.
      await box.fill(label)
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).click()
    }
    await add('Название')
    await add('Температура — по порядку категорий')
    await add('Отрасль — по порядку категорий')
    // Classifier keys went first, in the order added.
    await expect
      .poll(() => builder.getByTestId('sort-entry').allTextContents())
      .toEqual([
        expect.stringContaining('Температура'),
        expect.stringContaining('Отрасль'),
        expect.stringContaining('Название'),
      ])
    await builder.getByTestId('sort-entry').filter({ hasText: 'Температура' }).getByText('Обратный').click()
    await page.keyboard.press('Escape')
    // Hot first; within hot, Food before Clothes (the tree's order); then by name.
    await expect.poll(() => rowNames(page)).toEqual(['Альфа', 'Эта', 'Зета', 'Бета', 'Эпсилон'])
    expect(new URL(page.url()).searchParams.get('sort')).toBe(
      `-class:${classifiers.temperature},class:${classifiers.industry},name`,
    )
  })

  it('saves the view, and reopening it from the dropdown brings back the same filter, sort and rows', async () => {
    await page.getByRole('button', { name: 'Действия с видами' }).click()
    await page.getByRole('menuitem', { name: 'Сохранить как вид…' }).click()
    const modal = page.locator('.ant-modal', { hasText: 'Сохранение вида списка' })
    await page.locator('#view_name').fill('Розница по температуре')
    await modal.getByRole('button', { name: 'Сохранить' }).click()
    await page.getByText('Вид «Розница по температуре» сохранён').waitFor()

    await page.goto(`${server.url}/clients/${clientId('Альфа')}`)
    await page.getByRole('heading', { name: 'Альфа' }).waitFor()
    await page.goto(`${server.url}/clients`)
    await expect.poll(async () => (await rowNames(page)).length).toBe(8)

    await page.getByRole('combobox', { name: 'Вид списка' }).click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Розница по температуре' })
      .click()
    await expect.poll(() => rowNames(page)).toEqual(['Альфа', 'Эта', 'Зета', 'Бета', 'Эпсилон'])
    const params = new URL(page.url()).searchParams
    expect([params.get('classIn'), params.get('sort')]).toEqual([
      String(nodeId('Розница')),
      `-class:${classifiers.temperature},class:${classifiers.industry},name`,
    ])
    await page.getByTestId('classifier-chips').getByText('Отрасль: Розница').waitFor()

    // Made the default, it opens by itself with the plain address.
    await page.getByRole('button', { name: 'Действия с видами' }).click()
    await page.getByRole('menuitem', { name: 'Открывать список с этим видом' }).click()
    await page.getByText('Список будет открываться с этим видом').waitFor()
    await page.goto(`${server.url}/clients`)
    await expect.poll(() => rowNames(page)).toEqual(['Альфа', 'Эта', 'Зета', 'Бета', 'Эпсилон'])
  })
})
