import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.ts'
import { loadActor } from '../../platform/auth/auth.repository.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { ClientCreateInput } from './clients.schemas.ts'
import { clientCard, createClientIn, createClientsIn } from './clients.service.ts'
import { makeInn } from './requisites.ts'

/** The bulk path of an import must leave exactly what creating the same clients one by one leaves. */
describe('creating clients in bulk', () => {
  let t: TestApp
  let admin: Client

  beforeAll(async () => {
    t = await buildTestApp()
    admin = await t.signIn('admin')
    await admin.post('/api/custom-fields', {
      entity: 'client',
      key: 'turnover',
      labelRu: 'Оборот',
      labelEn: 'Turnover',
      type: 'money',
    })
  })
  afterAll(() => t.close())

  const inputs = (tag: string): ClientCreateInput[] =>
    [
      {
        kind: 'organization',
        name: `ООО «Север ${tag}»`,
        inn: makeInn('organization', tag === 'a' ? '770100001' : '770100002'),
        legalAddress: 'Москва, ул. Ленина, 1',
        industry: 'Торговля',
        channels: [
          {
            type: 'phone',
            value: '8 (916) 123-45-61',
            label: 'офис',
            isPrimary: true,
          },
          { type: 'email', value: 'Info@Sever.example', label: '', isPrimary: false },
        ],
        bankAccounts: [],
        custom: { turnover: 150000000 },
      },
      { kind: 'person', lastName: 'Ёлкина', firstName: `Анна ${tag}`, birthDate: '1990-02-03', channels: [] },
      // Invalid: a wrong ИНН checksum and an unknown owner — reported, the others still created.
      { kind: 'organization', name: `Ошибка ${tag}`, inn: '7701000010', ownerId: 999999 },
    ] as ClientCreateInput[]

  it('stores the same cards, completeness, classification and audit as one by one', async () => {
    const { db } = t.app.ctx
    const actor = (await loadActor(db, admin.userId))!
    const source = { actor, source: 'import' }
    const one: Array<number | AppError> = []
    await inTransaction(db, async ({ tx }) => {
      for (const input of inputs('a'))
        try {
          one.push((await createClientIn(tx, source, input)).id)
        } catch (err) {
          if (!(err instanceof AppError)) throw err
          one.push(err)
        }
    })
    const bulk = await inTransaction(db, ({ tx }) => createClientsIn(tx, source, inputs('b')))
    expect(bulk.map((r) => r.ok)).toEqual([true, true, false])
    const err = (bulk[2] as { ok: false; error: AppError }).error
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(
      Object.keys((one[2] as AppError).fields ?? {}).sort(),
    )
    const strip = (card: Record<string, unknown>) => {
      const { id: _id, createdAt: _c, updatedAt: _u, name: _n, firstName: _f, inn: _i, ...rest } = card
      return JSON.parse(JSON.stringify(rest, (k, v) => (k === 'id' ? undefined : v))) as unknown
    }
    for (const i of [0, 1]) {
      const a = await clientCard(db, one[i] as number)
      const b = await clientCard(db, (bulk[i] as { id: number }).id)
      expect(strip(b as never)).toEqual(strip(a as never))
      const stored = await db
        .selectFrom('clients')
        .select(['completeness', 'search'])
        .where('id', 'in', [a.id, b.id])
        .orderBy('id')
        .execute()
      expect(stored[1]!.completeness).toBe(stored[0]!.completeness)
      const audits = await db
        .selectFrom('audit_log')
        .select(['entity_id', 'changes', 'source', 'action'])
        .where('entity_type', '=', 'client')
        .where('entity_id', 'in', [a.id, b.id])
        .orderBy('entity_id')
        .execute()
      expect(audits).toHaveLength(2)
      expect(audits.map((x) => [x.action, x.source])).toEqual([
        ['create', 'import'],
        ['create', 'import'],
      ])
      const keysOf = (c: string) => Object.keys(JSON.parse(c) as object).sort()
      expect(keysOf(audits[1]!.changes)).toEqual(keysOf(audits[0]!.changes))
    }
    // Found by search like any other client.
    const found = (await admin.get(`/api/search?q=${encodeURIComponent('Север b')}`)).json() as {
      groups: Record<string, Array<{ id: number }>>
    }
    expect((found.groups.clients ?? []).map((i) => i.id)).toContain((bulk[0] as { id: number }).id)
  })

  it('returns the ids in the order of the inputs across statements', async () => {
    const { db } = t.app.ctx
    const actor = (await loadActor(db, admin.userId))!
    const many = Array.from({ length: 950 }, (_, i) => ({
      kind: 'organization' as const,
      name: `Порядок ${String(i).padStart(4, '0')}`,
      channels: [],
    })) as ClientCreateInput[]
    const res = await inTransaction(db, ({ tx }) => createClientsIn(tx, { actor, source: 'import' }, many))
    const ids = res.map((r) => (r.ok ? r.id : 0))
    const rows = await db.selectFrom('clients').select(['id', 'name']).where('id', 'in', ids).execute()
    const nameOf = new Map(rows.map((r) => [r.id, r.name]))
    expect(ids.map((id) => nameOf.get(id))).toEqual(many.map((m) => m.name))
  })
})
