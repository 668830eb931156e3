import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts'

describe('signing in, sessions, CSRF and API tokens', () => {
  let t: TestApp
  let admin: Client

  beforeAll(async () => {
    t = await buildTestApp({ login: { maxFailures: 3, lockMs: 60_000, ratePerMinute: 10_000 } })
    admin = await t.signIn('admin')
  })
  afterAll(() => t.close())

  it('sets an HttpOnly, SameSite=Lax session cookie and returns the employee with a CSRF token', async () => {
    await t.signIn('sales_manager', { email: 'cookie@test.example' })
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'COOKIE@test.example', password: TEST_PASSWORD },
    })
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'mmcrm_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    expect(cookie.secure).toBeFalsy()
    expect(res.json()).toMatchObject({ email: 'cookie@test.example', csrfToken: expect.any(String) })
    // the session id is stored hashed
    const stored = await t.db.handle.db.selectFrom('sessions').select('id').execute()
    expect(stored.some((s) => s.id === cookie.value)).toBe(false)
  })

  it('refuses a wrong password with a localized message, then locks the account after repeated failures', async () => {
    await t.signIn('sales_manager', { email: 'locked@test.example' })
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
        payload: { email: 'locked@test.example', password },
      })
    const first = await attempt('wrong-one-1')
    expect(first.statusCode).toBe(401)
    expect(first.json().error.message).toBe('Неверный e-mail или пароль.')
    await attempt('wrong-one-2')
    const third = await attempt('wrong-one-3')
    expect(third.statusCode).toBe(423)
    expect(third.json().error.code).toBe('account_locked')
    // even the right password is refused while locked
    const right = await attempt(TEST_PASSWORD)
    expect(right.statusCode).toBe(423)
    // an administrator setting a new password lifts the lock
    const user = await t.db.handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'locked@test.example')
      .executeTakeFirstOrThrow()
    expect(
      (await admin.post(`/api/users/${user.id}/password`, { password: 'Brand-New-Pass-7' })).statusCode,
    ).toBe(204)
    const after = await attempt('Brand-New-Pass-7')
    expect(after.statusCode).toBe(200)
  })

  it('answers the same for an unknown e-mail as for a wrong password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { email: 'ghost@test.example', password: 'whatever-123' },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toBe('Wrong e-mail or password.')
  })

  it('refuses a deactivated employee', async () => {
    const c = await t.signIn('sales_manager', { email: 'gone@test.example' })
    const me = (await admin.get(`/api/users/${c.userId}`)).json()
    expect((await admin.patch(`/api/users/${c.userId}`, { isActive: false }, me.version)).statusCode).toBe(
      200,
    )
    // their open session ends at once
    expect((await c.get('/api/me')).statusCode).toBe(401)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-GB' },
      payload: { email: 'gone@test.example', password: TEST_PASSWORD },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toMatch(/deactivated/)
  })

  it('logs out: the session no longer works', async () => {
    const c = await t.signIn('marketer')
    expect((await c.get('/api/me')).statusCode).toBe(200)
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204)
    expect((await c.get('/api/me')).statusCode).toBe(401)
  })

  it('requires the CSRF token for writes made with the cookie', async () => {
    const c = await t.signIn('sales_manager')
    const me = (await c.get('/api/me')).json()
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { 'if-match': `"${me.version}"` },
      cookies: { mmcrm_session: (c as unknown as { cookie: string }).cookie },
      payload: { theme: 'dark' },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('csrf_failed')
  })

  it('saves language, theme and time zone per employee, and answers in the chosen language', async () => {
    const c = await t.signIn('sales_manager')
    const me = (await c.get('/api/me')).json()
    const res = await c.patch(
      '/api/me',
      { locale: 'ru', theme: 'dark', timeZone: 'Asia/Yekaterinburg' },
      me.version,
    )
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ locale: 'ru', theme: 'dark', timeZone: 'Asia/Yekaterinburg' })
    const bad = await c.patch('/api/me', { timeZone: 'Mars/Olympus' }, res.json().version)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toBe('Некоторые поля заполнены неверно.')
    expect(bad.json().error.fields.timeZone).toBeTruthy()
  })

  it('changes the own password: checks the current one, ends the other sessions, keeps this one', async () => {
    const email = 'pw@test.example'
    const c = await t.signIn('sales_manager', { email })
    const other = await t.loginAs(email)
    const wrong = await c.post('/api/me/password', {
      currentPassword: 'nope-nope-1',
      newPassword: 'Another-Pass-2',
    })
    expect(wrong.statusCode).toBe(400)
    expect(Object.keys(wrong.json().error.fields)).toEqual(['currentPassword'])
    const weak = await c.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' })
    expect(weak.statusCode).toBe(400)
    expect(Object.keys(weak.json().error.fields)).toEqual(['newPassword'])
    const ok = await c.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Another-Pass-2',
    })
    expect(ok.statusCode).toBe(204)
    expect((await c.get('/api/me')).statusCode).toBe(200)
    expect((await other.get('/api/me')).statusCode).toBe(401)
    await expect(t.loginAs(email, 'Another-Pass-2')).resolves.toBeTruthy()
  })

  it('issues personal API tokens: shown once, hashed at rest, last use recorded, revocable', async () => {
    const c = await t.signIn('accountant')
    const created = await c.post('/api/me/tokens', { name: 'Integration', expiresInDays: 30 })
    expect(created.statusCode).toBe(201)
    const { token, id, prefix } = created.json()
    expect(token.startsWith(prefix)).toBe(true)
    const rows = await t.db.handle.db.selectFrom('api_tokens').select(['token_hash']).execute()
    expect(rows.some((r) => r.token_hash.includes(token) || token.includes(r.token_hash))).toBe(false)

    const viaToken = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(viaToken.statusCode).toBe(200)
    expect(viaToken.json().csrfToken).toBeNull()
    // bearer writes need no CSRF token
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'Second' },
    })
    expect(write.statusCode).toBe(201)

    const list = (await c.get('/api/me/tokens')).json().items
    expect(list.find((x: { id: number }) => x.id === id).lastUsedAt).not.toBeNull()
    expect(JSON.stringify(list)).not.toContain(token)

    expect((await c.delete(`/api/me/tokens/${id}`)).statusCode).toBe(204)
    const revoked = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(revoked.statusCode).toBe(401)
    // someone else's token cannot be revoked
    const stranger = await t.signIn('accountant')
    expect((await stranger.delete(`/api/me/tokens/${write.json().id}`)).statusCode).toBe(404)
  })

  it('throttles sign-in attempts per address', async () => {
    const strict = await buildTestApp({ login: { maxFailures: 100, lockMs: 60_000, ratePerMinute: 3 } })
    try {
      const codes: number[] = []
      for (let i = 0; i < 5; i++) {
        const r = await strict.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@test.example', password: 'whatever-1' },
        })
        codes.push(r.statusCode)
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401])
      expect(codes.slice(3)).toEqual([429, 429])
    } finally {
      await strict.close()
    }
  })
})
