import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../test/test-app.ts'
import { SYSTEM_ROLES } from '../platform/permissions/catalogue.ts'
import { loadDemo } from './load-demo.ts'

describe('the demo company', () => {
  let t: TestApp | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it.each(['ru', 'en'] as const)(
    'loads in %s: an employee for every role, teams with heads, and signs in',
    async (locale) => {
      const app = await buildTestApp()
      t = app
      const logins = await loadDemo(t.db.handle.db, t.config, locale, {
        password: 'Demo-Pass-123',
        subjects: t.app.ctx.subjects,
      })
      expect(logins).not.toBeNull()
      expect(new Set(logins!.map((l) => l.role))).toEqual(new Set(SYSTEM_ROLES.map((r) => r.code)))
      const admin = await t.loginAs(logins!.find((l) => l.role === 'admin')!.email, 'Demo-Pass-123', locale)
      const teams = (await admin.get('/api/teams')).json().items as Array<{
        name: string
        head: unknown
        memberCount: number
      }>
      expect(teams.length).toBeGreaterThanOrEqual(5)
      expect(teams.every((team) => team.head !== null && team.memberCount > 0)).toBe(true)
      const users = (await admin.get('/api/users?pageSize=200')).json()
      expect(users.items.every((u: { locale: string }) => u.locale === locale)).toBe(true)
      if (locale === 'ru') expect(teams.every((team) => /[А-Яа-я]/.test(team.name))).toBe(true)
      else expect(teams.some((team) => /[А-Яа-я]/.test(team.name))).toBe(false)
      // about 300 believable clients of both kinds, spread over the sales people, some edited by colleagues
      const clients = (await admin.get('/api/clients?pageSize=1')).json()
      expect(clients.total).toBe(300)
      expect((await admin.get('/api/clients?kind=person&pageSize=1')).json().total).toBeGreaterThan(30)
      const owners = await t.db.handle.db.selectFrom('clients').select('owner_id').distinct().execute()
      expect(owners.length).toBeGreaterThanOrEqual(5)
      const authors = await t.db.handle.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('entity_type', '=', 'client')
        .groupBy('entity_id')
        .having((eb) => eb.fn.count('actor_id').distinct(), '>', 1)
        .execute()
      expect(authors.length).toBeGreaterThan(20)
      const count = async (table: 'notes' | 'contacts') =>
        Number(
          (
            await app.db.handle.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirst()
          )?.n,
        )
      expect(await count('notes')).toBeGreaterThan(100)
      expect(await count('contacts')).toBeGreaterThan(100)
      // the history says the demo made them
      const history = (await admin.get(`/api/users/${users.items[0].id}/history`)).json().items
      expect(history[0].source).toBe('demo')
      await expectClassifiers(app, admin, locale)
    },
  )

  it('goes only into an empty database', async () => {
    t = await buildTestApp()
    await t.signIn('admin')
    expect(await loadDemo(t.db.handle.db, t.config, 'en')).toBeNull()
  })
})

type DemoNode = { id: number; parentId: number | null; name: { ru: string; en: string }; rule: unknown }
type DemoClassifier = { id: number; name: { ru: string; en: string }; multiple: boolean; nodes: DemoNode[] }

/** Five classifiers in both languages, the clients spread over them, with a consistent past. */
async function expectClassifiers(t: TestApp, admin: Client, locale: 'ru' | 'en') {
  const db = t.db.handle.db
  const classifiers = (await admin.get('/api/classifiers')).json().items as DemoClassifier[]
  expect(classifiers.map((c) => c.name.en)).toEqual(['Temperature', 'Loyalty', 'Size', 'Industry', 'Region'])
  for (const c of classifiers) {
    expect(c.name.ru).toMatch(/[А-Яа-я]/)
    for (const n of c.nodes) {
      expect(n.name.ru).toMatch(/[А-Яа-я]/)
      expect(n.name.en).not.toMatch(/[А-Яа-я]/)
    }
  }
  const [temperature, , , industry, region] = classifiers as [
    DemoClassifier,
    DemoClassifier,
    DemoClassifier,
    DemoClassifier,
    DemoClassifier,
  ]
  expect(temperature.nodes.map((n) => n.name.en)).toEqual(['Cold', 'Warm', 'Hot'])
  expect(industry.nodes.length).toBeGreaterThanOrEqual(20)
  expect(region.nodes.length).toBeGreaterThanOrEqual(20)

  const memberships = await db.selectFrom('client_classifications').selectAll().execute()
  // every client is in Temperature, most of them warm
  const byNode = (classifierId: number) => {
    const counts = new Map<number, number>()
    for (const m of memberships.filter((x) => x.classifier_id === classifierId))
      counts.set(m.node_id, (counts.get(m.node_id) ?? 0) + 1)
    return counts
  }
  const temp = byNode(temperature.id)
  expect([...temp.values()].reduce((a, b) => a + b, 0)).toBe(300)
  const [cold, warm, hot] = temperature.nodes.map((n) => temp.get(n.id) ?? 0) as [number, number, number]
  expect(warm).toBeGreaterThan(cold)
  expect(warm).toBeGreaterThan(hot)
  expect(cold).toBeGreaterThan(0)
  const facets = (await admin.get('/api/clients/facets')).json().nodes as Array<{
    nodeId: number
    count: number
  }>
  expect(facets.find((f) => f.nodeId === temperature.nodes[1]!.id)?.count).toBe(warm)
  // the rule node is filled by its rule
  const ruleNodes = classifiers.flatMap((c) => c.nodes).filter((n) => n.rule !== null)
  expect(ruleNodes).toHaveLength(1)
  const ruled = memberships.filter((m) => m.node_id === ruleNodes[0]!.id)
  expect(ruled.length).toBeGreaterThan(3)
  expect(ruled.every((m) => m.by_rule === 1)).toBe(true)
  // regions follow the addresses
  const clients = await db.selectFrom('clients').select(['id', 'legal_address', 'industry']).execute()
  const address = new Map(clients.map((c) => [c.id, c.legal_address]))
  const regionNodes = new Map(region.nodes.map((n) => [n.id, n.name[locale]]))
  const inRegion = memberships.filter((m) => m.classifier_id === region.id)
  expect(inRegion.length).toBeGreaterThan(250)
  for (const m of inRegion) expect(address.get(m.client_id)).toContain(regionNodes.get(m.node_id))

  // the history, replayed in id order, ends exactly in today's memberships; every exit follows an entry
  const events = await db.selectFrom('classification_history').selectAll().orderBy('id').execute()
  const state = new Set<string>()
  let previousAt = ''
  for (const e of events) {
    const key = `${e.client_id}:${e.node_id}`
    if (e.action === 'enter') {
      expect(state.has(key)).toBe(false)
      state.add(key)
    } else {
      expect(state.has(key)).toBe(true)
      state.delete(key)
    }
    expect(e.at >= previousAt).toBe(true)
    previousAt = e.at
  }
  expect([...state].sort()).toEqual(memberships.map((m) => `${m.client_id}:${m.node_id}`).sort())
  const authors = new Set(events.map((e) => e.actor_id).filter((id) => id !== null))
  expect(authors.size).toBeGreaterThanOrEqual(2)

  // two months ago some clients sat elsewhere
  const twoMonthsAgo = new Date(Date.now() - 61 * 86_400_000).toISOString()
  const movers = [
    ...new Set(
      events.filter((e) => e.classifier_id === temperature.id && e.at > twoMonthsAgo).map((e) => e.client_id),
    ),
  ].slice(0, 40)
  let differ = 0
  for (const id of movers) {
    const body = (
      await admin.get(`/api/clients/${id}/classification?asOf=${encodeURIComponent(twoMonthsAgo)}`)
    ).json() as { items: Array<{ nodeId: number }>; asOf: Array<{ nodeId: number }> }
    const then = body.asOf.map((x) => x.nodeId).sort()
    const current = body.items.map((x) => x.nodeId).sort()
    if (JSON.stringify(then) !== JSON.stringify(current)) differ++
  }
  expect(differ).toBeGreaterThan(5)

  // the movements report has moves this month and last month
  const now = new Date()
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString()
  const prevStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString()
  const moves = async (from: string, to: string) =>
    (
      await admin.get(
        `/api/classifiers/${temperature.id}/movements?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      )
    ).json().cells as Array<{ fromNodeId: number | null; toNodeId: number | null; clients: number }>
  const thisMonth = await moves(monthStart, new Date(Date.now() + 60_000).toISOString())
  const lastMonth = await moves(prevStart, monthStart)
  expect(thisMonth.reduce((a, c) => a + c.clients, 0)).toBeGreaterThan(0)
  expect(lastMonth.reduce((a, c) => a + c.clients, 0)).toBeGreaterThan(3)
  expect(lastMonth.some((c) => c.fromNodeId !== null && c.toNodeId !== null)).toBe(true)

  // the rule's background run (queued when the node was made) finds nothing left to do
  await t.runJobs()
  const after = await db
    .selectFrom('classification_history')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  expect(Number(after.n)).toBe(events.length)
}
