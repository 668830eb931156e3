import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../test/test-app.ts'
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
    },
  )

  it('goes only into an empty database', async () => {
    t = await buildTestApp()
    await t.signIn('admin')
    expect(await loadDemo(t.db.handle.db, t.config, 'en')).toBeNull()
  })
})
