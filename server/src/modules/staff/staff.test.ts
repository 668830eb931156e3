import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'

describe('employees, teams and roles', () => {
  let t: TestApp
  let admin: Client
  let salesRoleId: number

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    const roles = (await admin.get('/api/roles')).json().items as Array<{ id: number; code: string }>
    salesRoleId = roles.find((r) => r.code === 'sales_manager')!.id
  })
  afterAll(() => t.close())

  it('creates a team and an employee in it, with an audit entry for each', async () => {
    const team = await admin.post('/api/teams', { name: 'Отдел продаж', headId: admin.userId })
    expect(team.statusCode).toBe(201)
    expect(team.headers.etag).toBe('"1"')
    expect(team.json()).toMatchObject({ name: 'Отдел продаж', head: { id: admin.userId }, memberCount: 0 })

    const user = await admin.post('/api/users', {
      email: 'Ivan.Petrov@Example.com',
      name: 'Иван Петров',
      password: 'Strong-Pass-1',
      roleId: salesRoleId,
      teamId: team.json().id,
      locale: 'ru',
    })
    expect(user.statusCode).toBe(201)
    expect(user.json()).toMatchObject({
      email: 'ivan.petrov@example.com',
      role: { code: 'sales_manager' },
      team: { id: team.json().id },
      locale: 'ru',
      timeZone: 'Europe/Moscow',
    })

    const history = (await admin.get(`/api/users/${user.json().id}/history`)).json().items
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ action: 'create', actor: { id: admin.userId }, entityType: 'user' })
    expect(history[0].changes.email).toEqual({ to: 'ivan.petrov@example.com' })
    expect(JSON.stringify(history)).not.toMatch(/password_hash|\$argon2/)
    expect((await admin.get(`/api/teams/${team.json().id}`)).json().memberCount).toBe(1)
  })

  it('changes only the fields a PATCH sends (defaults of the create form do not blank the rest)', async () => {
    const team = (
      await admin.post('/api/teams', { name: 'Опт', description: 'Крупный опт', headId: admin.userId })
    ).json()
    const renamed = await admin.patch(`/api/teams/${team.id}`, { name: 'Оптовый отдел' }, team.version)
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({
      name: 'Оптовый отдел',
      description: 'Крупный опт',
      head: { id: admin.userId },
    })
    const role = (
      await admin.post('/api/roles', {
        code: 'wholesale',
        name: 'Опт',
        description: 'Оптовые продажи',
        permissions: ['clients.read'],
        visibility: 'team',
      })
    ).json()
    const roleRenamed = await admin.patch(`/api/roles/${role.id}`, { name: 'Оптовики' }, role.version)
    expect(roleRenamed.json()).toMatchObject({ name: 'Оптовики', description: 'Оптовые продажи' })
  })

  it('gives field-level errors in the caller’s language and stores nothing', async () => {
    const ru = await t.signIn('admin', { locale: 'ru' })
    const before = (await ru.get('/api/users?pageSize=200')).json().total
    const res = await ru.post('/api/users', {
      email: 'not-an-email',
      name: '',
      password: 'x',
      roleId: salesRoleId,
    })
    expect(res.statusCode).toBe(400)
    const body = res.json().error
    expect(body.code).toBe('validation')
    expect(body.message).toBe('Некоторые поля заполнены неверно.')
    expect(body.fields.email).toMatch(/email/i)
    expect(body.fields.email).toMatch(/[а-я]/)
    expect(body.fields.name).toMatch(/[а-я]/)
    const weak = await ru.post('/api/users', {
      email: 'weak@example.com',
      name: 'Weak',
      password: 'abc',
      roleId: salesRoleId,
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().error.fields.password).toMatch(/не меньше 10 символов/)
    const badRole = await ru.post('/api/users', {
      email: 'r@example.com',
      name: 'R',
      password: 'Strong-Pass-1',
      roleId: 9999,
    })
    expect(badRole.json().error.fields).toEqual({ roleId: 'Такой роли нет.' })
    expect((await ru.get('/api/users?pageSize=200')).json().total).toBe(before)
  })

  it('refuses a second employee with the same e-mail, on the field', async () => {
    await admin.post('/api/users', {
      email: 'dup@example.com',
      name: 'A',
      password: 'Strong-Pass-1',
      roleId: salesRoleId,
    })
    const res = await admin.post('/api/users', {
      email: 'DUP@example.com',
      name: 'B',
      password: 'Strong-Pass-1',
      roleId: salesRoleId,
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.fields.email).toBe('An employee with this e-mail already exists.')
  })

  it('requires If-Match on writes and refuses a stale one with 412, changing nothing', async () => {
    const created = (
      await admin.post('/api/users', {
        email: 'etag@example.com',
        name: 'Etag',
        password: 'Strong-Pass-1',
        roleId: salesRoleId,
      })
    ).json()
    const missing = await admin.patch(`/api/users/${created.id}`, { position: 'Lead' })
    expect(missing.statusCode).toBe(428)

    const first = await admin.patch(`/api/users/${created.id}`, { position: 'Lead' }, created.version)
    expect(first.statusCode).toBe(200)
    expect(first.headers.etag).toBe(`"${created.version + 1}"`)

    const stale = await admin.patch(`/api/users/${created.id}`, { position: 'Intern' }, created.version)
    expect(stale.statusCode).toBe(412)
    expect(stale.json().error.message).toMatch(/Reload/)
    const now = (await admin.get(`/api/users/${created.id}`)).json()
    expect(now.position).toBe('Lead')

    const history = (await admin.get(`/api/users/${created.id}/history`)).json().items
    expect(history[0]).toMatchObject({ action: 'update', changes: { position: { from: '', to: 'Lead' } } })
    expect(history).toHaveLength(2)
  })

  it('keeps at least one active administrator and never deactivates oneself', async () => {
    const solo = await buildTestApp()
    try {
      const only = await solo.signIn('admin')
      const me = (await only.get('/api/me')).json()
      const self = await only.patch(`/api/users/${only.userId}`, { isActive: false }, me.version)
      expect(self.statusCode).toBe(400)
      expect(self.json().error.fields.isActive).toBeTruthy()
      const demote = await only.patch(`/api/users/${only.userId}`, { roleId: salesRoleId }, me.version)
      expect(demote.statusCode).toBe(409)
      expect((await only.get('/api/me')).json().role.code).toBe('admin')
    } finally {
      await solo.close()
    }
  })

  it('lists employees with search (Cyrillic, any case, ё = е), filters, multi-key sort and pages', async () => {
    for (const [email, name] of [
      ['s1@example.com', 'Семён Ёлкин'],
      ['s2@example.com', 'Анна Елкина'],
      ['s3@example.com', 'Борис Зуев'],
    ]) {
      await admin.post('/api/users', { email, name, password: 'Strong-Pass-1', roleId: salesRoleId })
    }
    const found = (await admin.get(`/api/users?q=${encodeURIComponent('ЕЛКИН')}&sort=name`)).json()
    expect(found.items.map((u: { name: string }) => u.name)).toEqual(['Анна Елкина', 'Семён Ёлкин'])
    const sorted = (await admin.get(`/api/users?roleId=${salesRoleId}&sort=-name&pageSize=2&page=1`)).json()
    expect(sorted.items).toHaveLength(2)
    expect(sorted.total).toBeGreaterThanOrEqual(3)
    const names = sorted.items.map((u: { name: string }) => u.name)
    expect([...names].sort().reverse()).toEqual(names)
    const bad = await admin.get('/api/users?sort=password_hash')
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toEqual(['sort'])
  })

  it('protects built-in roles, manages custom ones, and refuses deleting a role in use', async () => {
    const roles = (await admin.get('/api/roles')).json().items as Array<{
      id: number
      code: string
      isSystem: boolean
      version: number
    }>
    expect(roles.map((r) => r.code)).toEqual(
      expect.arrayContaining([
        'admin',
        'head_of_sales',
        'sales_manager',
        'partner_manager',
        'marketer',
        'call_centre_operator',
        'accountant',
        'auditor',
      ]),
    )
    const sys = roles.find((r) => r.code === 'sales_manager')!
    expect((await admin.patch(`/api/roles/${sys.id}`, { name: 'Hacked' }, sys.version)).statusCode).toBe(403)

    const unknown = await admin.post('/api/roles', {
      code: 'x_role',
      name: 'X',
      permissions: ['users.read', 'clients.fly'],
      visibility: 'own',
    })
    expect(unknown.statusCode).toBe(400)
    expect(Object.keys(unknown.json().error.fields)).toEqual(['permissions.1'])

    const created = await admin.post('/api/roles', {
      code: 'senior_manager',
      name: 'Senior manager',
      permissions: ['users.read'],
      visibility: 'team',
    })
    expect(created.statusCode).toBe(201)
    const role = created.json()
    const updated = await admin.patch(
      `/api/roles/${role.id}`,
      { permissions: ['users.read', 'audit.read'] },
      role.version,
    )
    expect(updated.json().permissions).toEqual(['users.read', 'audit.read'])

    const holder = await t.signIn('senior_manager')
    expect((await holder.get('/api/audit')).statusCode).toBe(200)
    const inUse = await admin.delete(`/api/roles/${role.id}`, updated.json().version)
    expect(inUse.statusCode).toBe(409)
    expect(inUse.json().error.message).toBe('Employees with this role: 1. Give them another role first.')

    const spare = (
      await admin.post('/api/roles', { code: 'spare', name: 'Spare', permissions: [], visibility: 'own' })
    ).json()
    expect((await admin.delete(`/api/roles/${spare.id}`, spare.version)).statusCode).toBe(204)
    expect((await admin.get(`/api/roles/${spare.id}`)).statusCode).toBe(404)
    const trail = (await admin.get(`/api/audit?entityType=role&entityId=${spare.id}`)).json().items
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['delete', 'create'])
  })

  it('deletes only an empty team, and a stale delete is refused', async () => {
    const team = (await admin.post('/api/teams', { name: 'Temporary' })).json()
    const renamed = (await admin.patch(`/api/teams/${team.id}`, { name: 'Temporary 2' }, team.version)).json()
    expect((await admin.delete(`/api/teams/${team.id}`, team.version)).statusCode).toBe(412)
    await admin.post('/api/users', {
      email: 'member@example.com',
      name: 'M',
      password: 'Strong-Pass-1',
      roleId: salesRoleId,
      teamId: team.id,
    })
    const busy = await admin.delete(`/api/teams/${team.id}`, renamed.version)
    expect(busy.statusCode).toBe(409)
    const dupe = await admin.post('/api/teams', { name: 'temporary 2' })
    expect(dupe.statusCode).toBe(409)
    expect(dupe.json().error.fields.name).toBeTruthy()
  })

  it('lets the audit trail be browsed by employee and period, newest first, page by page', async () => {
    const page1 = (await admin.get(`/api/audit?actorId=${admin.userId}&limit=3`)).json()
    expect(page1.items).toHaveLength(3)
    expect(page1.nextBefore).toBe(page1.items[2].id)
    const page2 = (
      await admin.get(`/api/audit?actorId=${admin.userId}&limit=3&before=${page1.nextBefore}`)
    ).json()
    expect(page2.items[0].id).toBeLessThan(page1.items[2].id)
    const future = (
      await admin.get(
        `/api/audit?from=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`,
      )
    ).json()
    expect(future.items).toHaveLength(0)
  })

  it('lets every role with users.read see the directory but not change it', async () => {
    const manager = await t.signIn('sales_manager')
    expect((await manager.get('/api/users')).statusCode).toBe(200)
    expect((await manager.post('/api/teams', { name: 'Mine' })).statusCode).toBe(403)
    expect((await manager.get('/api/audit')).statusCode).toBe(403)
  })
})
