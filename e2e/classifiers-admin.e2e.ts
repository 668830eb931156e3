import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiSession } from './support/api.ts'
import { launchBrowser, signIn } from './support/browser.ts'
import { ADMIN, type RunningServer, startServer } from './support/server.ts'

interface Node {
  id: number
  parentId: number | null
  name: { ru: string; en: string }
  position: number
  rule: { match: string; conditions: Array<{ variable: string; op: string; value?: unknown }> } | null
}
interface Classifier {
  id: number
  name: { ru: string; en: string }
  nodes: Node[]
}
interface Card {
  id: number
  name: string
  version: number
}

/** Chooses an option of an antd Select (typing to narrow it when `search` is given). */
async function pickOption(page: Page, selectId: string, text: string, search?: string): Promise<void> {
  await page.locator(selectId).click()
  if (search) await page.locator(selectId).fill(search)
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click()
}

describe('classifiers (S1): the administrator builds and reshapes a tree', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let admin: ApiSession
  let classifierId: number
  const clients: Card[] = []

  const tree = () => page.locator('.mm-classifier-tree')
  const nodeNames = () => tree().locator('.mm-node-name').allTextContents()
  const nodeRow = (name: string): Locator =>
    tree().locator('.ant-tree-treenode', { has: page.locator('.mm-node-name', { hasText: name }) })
  const classifier = async () =>
    (await admin.call<{ items: Classifier[] }>('GET', '/api/classifiers')).items.find(
      (c) => c.id === classifierId,
    )!
  const nodeId = async (ru: string) => (await classifier()).nodes.find((n) => n.name.ru === ru)!.id

  async function nodeAction(name: string, action: string): Promise<void> {
    await page.getByRole('button', { name: `Действия с категорией «${name}»` }).click()
    await page.getByRole('menuitem', { name: action }).click()
  }

  async function fillNode(ru: string, en: string): Promise<void> {
    await page.locator('#node_nameRu').fill(ru)
    await page.locator('#node_nameEn').fill(en)
  }

  async function saveNode(ru: string): Promise<void> {
    await page.locator('form#node button[type="submit"]').click()
    await page.getByText(`Категория «${ru}» добавлена`).waitFor()
    await nodeRow(ru).waitFor()
  }

  /** Drags a node's title with the mouse and lets go over the upper or lower part of another node's title. */
  async function dragNode(name: string, onto: string, part: 'upper' | 'lower'): Promise<void> {
    const from = await nodeRow(name).locator('.mm-node-name').boundingBox()
    const to = await nodeRow(onto).locator('.ant-tree-node-content-wrapper').boundingBox()
    if (!from || !to) throw new Error('nodes not on screen')
    const x = from.x + 10
    const y = part === 'upper' ? to.y + to.height * 0.2 : to.y + to.height * 0.8
    await page.mouse.move(x, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(x, from.y + from.height / 2 + 8, { steps: 4 })
    await page.mouse.move(x, y, { steps: 12 })
    await page.mouse.up()
  }

  beforeAll(async () => {
    server = await startServer({ CRM_DEFAULT_LOCALE: 'ru' })
    admin = await ApiSession.signIn(server.url, ADMIN.email, ADMIN.password)
    for (const [name, industry] of [
      ['Ателье «Модница»', 'Пошив одежды'],
      ['Бутик «Лён»', 'Торговля одеждой'],
      ['Фабрика «Уют»', 'Мебельное производство'],
    ]) {
      clients.push(
        await admin.call<Card>('POST', '/api/clients', {
          kind: 'organization',
          name,
          legalForm: 'ООО',
          industry,
        }),
      )
    }
    browser = await launchBrowser()
    page = await (await browser.newContext({ locale: 'ru-RU' })).newPage()
    await signIn(page, server.url, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('creates a two-level classifier from Administration → Classifiers', async () => {
    await page.locator('nav').getByText('Классификаторы').click()
    await page.waitForURL(/\/admin\/classifiers/)
    await page.getByRole('button', { name: 'Добавить классификатор' }).click()
    await page.locator('#classifier_nameRu').fill('Отрасль')
    await page.locator('#classifier_nameEn').fill('Industry')
    await page.locator('#classifier_description').fill('Чем занимается клиент')
    await page.locator('form#classifier button[type="submit"]').click()
    await page.getByText('Классификатор «Отрасль» добавлен').waitFor()
    await page.getByText('Категории: Отрасль').waitFor()
    classifierId = Number(new URL(page.url()).searchParams.get('classifier'))
    expect(classifierId).toBeGreaterThan(0)

    for (const [ru, en] of [
      ['Розница', 'Retail'],
      ['Производство', 'Manufacturing'],
    ] as const) {
      await page.getByRole('button', { name: 'Добавить категорию' }).click()
      await fillNode(ru, en)
      await saveNode(ru)
    }
    for (const [ru, en] of [
      ['Продукты', 'Food'],
      ['Одежда', 'Clothes'],
    ] as const) {
      await nodeAction('Розница', 'Добавить вложенную')
      await page.getByText('Новая категория в «Розница»').waitFor()
      await fillNode(ru, en)
      await saveNode(ru)
    }
    expect(await nodeNames()).toEqual(['Розница', 'Продукты', 'Одежда', 'Производство'])
    const c = await classifier()
    const retail = c.nodes.find((n) => n.name.ru === 'Розница')!
    expect(c.nodes.filter((n) => n.parentId === retail.id).map((n) => n.name.en)).toEqual(['Food', 'Clothes'])
    // the list counts its nodes
    await page.locator('.ant-table-row', { hasText: 'Отрасль' }).getByText('4', { exact: true }).waitFor()
  })

  it('reorders nodes by dragging them with the mouse', async () => {
    await dragNode('Производство', 'Розница', 'upper')
    await expect.poll(nodeNames).toEqual(['Производство', 'Розница', 'Продукты', 'Одежда'])
    await dragNode('Одежда', 'Продукты', 'upper')
    await expect.poll(nodeNames).toEqual(['Производство', 'Розница', 'Одежда', 'Продукты'])
    const c = await classifier()
    const order = (parentId: number | null) =>
      c.nodes
        .filter((n) => n.parentId === parentId)
        .sort((a, b) => a.position - b.position)
        .map((n) => n.name.ru)
    expect(order(null)).toEqual(['Производство', 'Розница'])
    expect(order(await nodeId('Розница'))).toEqual(['Одежда', 'Продукты'])
    // the order survives a reload
    await page.reload()
    await expect.poll(nodeNames).toEqual(['Производство', 'Розница', 'Одежда', 'Продукты'])
  })

  it('adds a node filled by a rule', async () => {
    await nodeAction('Производство', 'Добавить вложенную')
    await fillNode('Мебель', 'Furniture')
    await page.locator('#node_byRule').click()
    await pickOption(page, '#node_conditions_0_variable', 'Отрасль', 'Отрасль')
    await pickOption(page, '#node_conditions_0_op', 'содержит')
    await page.locator('#node_conditions_0_value').fill('мебел')
    await saveNode('Мебель')
    await nodeRow('Мебель').getByRole('img', { name: 'Заполняется по правилу' }).waitFor()
    const furniture = (await classifier()).nodes.find((n) => n.name.ru === 'Мебель')!
    expect(furniture.rule).toEqual({
      match: 'all',
      conditions: [{ variable: 'industry', op: 'contains', value: 'мебел' }],
    })
  })

  it('deletes a node whose clients move to another node, saying how many moved', async () => {
    const clothes = await nodeId('Одежда')
    for (const c of clients.slice(0, 2)) {
      const fresh = await admin.call<Card>('GET', `/api/clients/${c.id}`)
      await admin.call(
        'PUT',
        `/api/clients/${c.id}/classification/${classifierId}`,
        { nodeIds: [clothes] },
        fresh.version,
      )
    }
    await page.reload()
    await nodeRow('Одежда').getByText('2 клиента').waitFor()
    await nodeAction('Одежда', 'Удалить')
    const modal = page.locator('.ant-modal', { hasText: 'Удалить категорию «Одежда»?' })
    await modal.getByText('В ней (вместе с вложенными) 2 клиента.').waitFor()
    await modal.locator('#nodeDelete_moveTo').click()
    // rule nodes cannot take clients by hand: offered, but disabled
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-treenode-disabled', { hasText: 'Мебель' })
      .waitFor()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: 'Продукты' })
      .click()
    await modal.getByRole('button', { name: 'Удалить' }).click()
    await page.getByText('Категория «Одежда» удалена. Перенесено клиентов: 2.').waitFor()
    await expect.poll(nodeNames).toEqual(['Производство', 'Мебель', 'Розница', 'Продукты'])
    const food = await nodeId('Продукты')
    for (const c of clients.slice(0, 2)) {
      const placed = await admin.call<{ items: Array<{ nodeId: number }> }>(
        'GET',
        `/api/clients/${c.id}/classification`,
      )
      expect(placed.items.map((m) => m.nodeId)).toContain(food)
    }
  })

  it('shows the movements of the month and who moved', async () => {
    await page.locator('nav').getByText('Смена категорий').click()
    await page.waitForURL(/\/clients\/movements/)
    await page.getByRole('columnheader', { name: 'Было → стало' }).waitFor()
    const cell = page.getByRole('button', { name: 'Без категории → Розница › Продукты: 2' })
    await cell.click()
    const list = page.locator('.mm-movement-clients')
    await list.getByRole('link', { name: 'Ателье «Модница»' }).waitFor()
    await list.getByRole('link', { name: 'Бутик «Лён»' }).click()
    await page.waitForURL(new RegExp(`/clients/${clients[1]!.id}$`))
  })
})
