import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.ts'
import { AppError } from '../src/platform/errors/app-error.ts'
import { toErrorBody } from '../src/platform/errors/error-handler.ts'
import { localeFromHeader } from '../src/platform/i18n/messages.ts'
import { buildTestApp, type TestApp } from './test-app.ts'

describe('configuration', () => {
  it('lists every bad key at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CRM_ADMIN_EMAIL: 'nope' })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError)
      const problems = (e as ConfigError).problems.join('\n')
      expect(problems).toMatch(/PORT/)
      expect(problems).toMatch(/DATABASE_URL/)
      expect(problems).toMatch(/CRM_ADMIN_EMAIL/)
    }
  })
  it('defaults to SQLite under ./data, port 3000, Russian, Moscow time', () => {
    const c = loadConfig({})
    expect(c.port).toBe(3000)
    expect(c.database).toMatchObject({ kind: 'sqlite' })
    expect(c.database.kind === 'sqlite' && c.database.file.endsWith('data/crm.sqlite')).toBe(true)
    expect(c.defaultTimeZone).toBe('Europe/Moscow')
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h/db',
    })
  })
})

describe('errors', () => {
  it('never shows internals of a 5xx', () => {
    const { status, body } = toErrorBody(
      new Error('password for user postgres failed at /srv/app.ts:12'),
      'en',
    )
    expect(status).toBe(500)
    expect(JSON.stringify(body)).not.toMatch(/postgres|srv/)
    expect(body.error.code).toBe('internal')
  })
  it('words domain errors in the caller’s language', () => {
    expect(toErrorBody(new AppError('precondition_failed'), 'ru').body.error.message).toMatch(
      /другой сотрудник/,
    )
    expect(
      toErrorBody(AppError.field('email', 'users.email_taken', undefined, 'conflict'), 'ru').body.error,
    ).toMatchObject({
      code: 'conflict',
      fields: { email: 'Сотрудник с таким e-mail уже есть.' },
    })
  })
  it('picks the language from Accept-Language', () => {
    expect(localeFromHeader('de-DE,de;q=0.9,en;q=0.8,ru;q=0.7', 'ru')).toBe('en')
    expect(localeFromHeader('ru-RU', 'en')).toBe('ru')
    expect(localeFromHeader('fr', 'ru')).toBe('ru')
    expect(localeFromHeader(undefined, 'en')).toBe('en')
  })
})

describe('HTTP surface', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp()
  })
  afterAll(() => t.close())

  it('reports health with a database check', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', database: t.db.handle.kind })
  })

  it('sends security headers: CSP without inline scripts, nosniff, no framing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).toMatch(/frame-ancestors 'none'/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-request-id']).toBeTruthy()
  })

  it('serves the OpenAPI document and the interactive docs', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(doc.json().openapi).toBe('3.1.0')
    expect(Object.keys(doc.json().paths)).toContain('/api/users/{id}')
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.body).toMatch(/swagger/i)
  })

  it('refuses oversized bodies and unknown API paths with the error shape', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) },
    })
    expect(big.statusCode).toBe(413)
    expect(big.json().error.code).toBe('payload_too_large')
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('not_found')
  })
})
