import fc from 'fast-check'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testDialect } from '../../../test/test-database.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { CustomFieldDef } from './custom-fields.repository.ts'
import type { CustomFieldType } from './custom-fields.schemas.ts'
import {
  type CustomFilter,
  customFieldCondition,
  customSortExpression,
  foldCustomText,
} from './custom-filters.ts'

type Probe = {
  probe: { id: number; custom: string }
}

const dialect = testDialect()
const OPTIONS = ['msk', 'spb', 'kzn', 'ekb']

function def(key: string, type: CustomFieldType): CustomFieldDef {
  return {
    id: 0,
    entity: 'client',
    appliesTo: 'all',
    key,
    labelRu: key,
    labelEn: key,
    type,
    options:
      type === 'select' || type === 'multiselect'
        ? OPTIONS.map((value) => ({ value, labelRu: value, labelEn: value }))
        : [],
    isRequired: false,
    inList: false,
    position: 0,
  }
}

const DEFS: Record<CustomFieldType, CustomFieldDef> = {
  text: def('name_note', 'text'),
  long_text: def('about', 'long_text'),
  link: def('site', 'link'),
  number: def('score', 'number'),
  money: def('budget', 'money'),
  date: def('since', 'date'),
  boolean: def('vip', 'boolean'),
  select: def('region', 'select'),
  multiselect: def('regions', 'multiselect'),
}

// ── the reference: what each filter means, in memory ───────────────────────
function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
}

function stored(custom: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(custom, key) ? custom[key] : undefined
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function matches(d: CustomFieldDef, f: CustomFilter, custom: Record<string, unknown>): boolean {
  const v = stored(custom, d.key)
  const str = typeof v === 'string' ? v : undefined
  const num = typeof v === 'number' ? v : undefined
  const date = str !== undefined && DATE.test(str) ? str : undefined
  const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined
  switch (f.op) {
    case 'empty':
      return isEmptyValue(v)
    case 'notEmpty':
      return !isEmptyValue(v)
    case 'contains':
      return str !== undefined && foldCustomText(str).includes(foldCustomText(f.value))
    case 'in':
      if (d.type === 'multiselect') return list?.some((x) => f.values.includes(x)) ?? false
      return str !== undefined && f.values.includes(str)
    case 'range': {
      if (d.type === 'date')
        return (
          date !== undefined &&
          (f.from === undefined || date >= String(f.from)) &&
          (f.to === undefined || date <= String(f.to))
        )
      return (
        num !== undefined &&
        (f.from === undefined || num >= Number(f.from)) &&
        (f.to === undefined || num <= Number(f.to))
      )
    }
    case 'eq':
      switch (d.type) {
        case 'text':
        case 'long_text':
        case 'link':
          return str !== undefined && foldCustomText(str) === foldCustomText(String(f.value).trim())
        case 'number':
        case 'money':
          return num === f.value
        case 'date':
          return date === f.value
        case 'boolean':
          return v === f.value
        case 'select':
          return str === f.value
        case 'multiselect':
          return list?.includes(String(f.value)) ?? false
      }
  }
}

// ── generators ─────────────────────────────────────────────────────────────
const ALPHABET = [...'аАбБеЕёЁжЖйЙшШщЩъЪыЫэЭюЮяЯaAbBzZ09 «»%_\\ßÉéΩω-.']
const word = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 0, maxLength: 8 })
const dateString = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const smallNumber = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.double({ min: -1000, max: 1000, noNaN: true }).map((n) => n + 0),
  fc.constantFrom(0.1, 0.2, 0.30000000000000004, 1e21, -1e-7, 123456789.125),
)

/** Values of the right type, and also the leftovers a deleted field of another type could leave. */
function valueFor(type: CustomFieldType): fc.Arbitrary<unknown> {
  const strays = fc.constantFrom<unknown>(
    null,
    '',
    [],
    'abc',
    5,
    true,
    false,
    { a: 1 },
    ['msk'],
    '2024-01-01',
  )
  const proper: Record<CustomFieldType, fc.Arbitrary<unknown>> = {
    text: word,
    long_text: word,
    link: word.map((w) => `https://example.com/${w}`),
    number: smallNumber,
    money: fc.integer({ min: -1000, max: 1000 }),
    date: dateString,
    boolean: fc.boolean(),
    select: fc.constantFrom(...OPTIONS),
    multiselect: fc.uniqueArray(fc.constantFrom(...OPTIONS), { maxLength: 3 }),
  }
  return fc.oneof({ weight: 4, arbitrary: proper[type] }, { weight: 1, arbitrary: strays })
}

const rowArb = fc.record(
  Object.fromEntries(Object.values(DEFS).map((d) => [d.key, valueFor(d.type)])) as Record<
    string,
    fc.Arbitrary<unknown>
  >,
  { requiredKeys: [] },
)

function filterFor(type: CustomFieldType): fc.Arbitrary<CustomFilter> {
  const empties = fc.constantFrom<CustomFilter>({ op: 'empty' }, { op: 'notEmpty' })
  switch (type) {
    case 'text':
    case 'long_text':
    case 'link':
      return fc.oneof(
        empties,
        word.map((value): CustomFilter => ({ op: 'contains', value })),
        word.map((value): CustomFilter => ({ op: 'eq', value })),
      )
    case 'number':
    case 'money': {
      const bound = type === 'money' ? fc.integer({ min: -1000, max: 1000 }) : smallNumber
      return fc.oneof(
        empties,
        bound.map((value): CustomFilter => ({ op: 'eq', value: value as number })),
        fc
          .record({ from: bound, to: bound }, { requiredKeys: [] })
          .map((r): CustomFilter => ({ op: 'range', ...(r as { from?: number; to?: number }) })),
      )
    }
    case 'date':
      return fc.oneof(
        empties,
        dateString.map((value): CustomFilter => ({ op: 'eq', value })),
        fc
          .record({ from: dateString, to: dateString }, { requiredKeys: [] })
          .map((r): CustomFilter => ({ op: 'range', ...r })),
      )
    case 'boolean':
      return fc.oneof(
        empties,
        fc.boolean().map((value): CustomFilter => ({ op: 'eq', value })),
      )
    case 'select':
    case 'multiselect':
      return fc.oneof(
        empties,
        fc.constantFrom(...OPTIONS, 'gone').map((value): CustomFilter => ({ op: 'eq', value })),
        fc
          .uniqueArray(fc.constantFrom(...OPTIONS), { maxLength: 3 })
          .map((values): CustomFilter => ({ op: 'in', values })),
      )
  }
}

describe(`custom field filters and sorting on ${dialect}`, () => {
  let tdb: TestDatabase
  let db: Kysely<Probe>

  beforeAll(async () => {
    tdb = await createTestDatabase()
    db = tdb.handle.db.withTables<Probe>()
    await sql`create table probe (id integer primary key, custom text not null)`.execute(db)
  })
  afterAll(() => tdb.destroy())
  beforeEach(async () => {
    await db.deleteFrom('probe').execute()
  })

  async function load(rows: Array<Record<string, unknown>>): Promise<void> {
    await db.deleteFrom('probe').execute()
    if (rows.length)
      await db
        .insertInto('probe')
        .values(rows.map((custom, i) => ({ id: i + 1, custom: JSON.stringify(custom) })))
        .execute()
  }

  async function ids(d: CustomFieldDef, filter: CustomFilter): Promise<number[]> {
    const rows = await db
      .selectFrom('probe as p')
      .select('p.id')
      .where((eb) => customFieldCondition(eb, dialect, 'p.custom', d, filter))
      .orderBy('p.id')
      .execute()
    return rows.map((r) => Number(r.id))
  }

  async function sortedIds(d: CustomFieldDef, desc: boolean): Promise<number[]> {
    const rows = await db
      .selectFrom('probe as p')
      .select('p.id')
      .orderBy(customSortExpression(dialect, 'p.custom', d), (ob) =>
        (desc ? ob.desc() : ob.asc()).nullsLast(),
      )
      .orderBy('p.id')
      .execute()
    return rows.map((r) => Number(r.id))
  }

  it('finds text case-insensitively, Cyrillic included', async () => {
    const d = DEFS.text
    await load([
      { name_note: 'ООО «Ромашка»' },
      { name_note: 'ЁЛКИ-ПАЛКИ' },
      { name_note: 'Romashka Ltd' },
      { name_note: 42 },
      {},
    ])
    expect(await ids(d, { op: 'contains', value: 'ромаш' })).toEqual([1])
    expect(await ids(d, { op: 'contains', value: 'РОМАШ' })).toEqual([1])
    expect(await ids(d, { op: 'contains', value: 'елки' })).toEqual([2])
    expect(await ids(d, { op: 'contains', value: 'romashka' })).toEqual([3])
    expect(await ids(d, { op: 'contains', value: '%' })).toEqual([])
    expect(await ids(d, { op: 'eq', value: ' ооо «ромашка» ' })).toEqual([1])
    expect(await ids(d, { op: 'empty' })).toEqual([5])
    expect(await ids(d, { op: 'notEmpty' })).toEqual([1, 2, 3, 4])
  })

  it('compares numbers numerically, dates as dates, and lists by their values', async () => {
    await load([
      { score: 9, budget: 100, since: '2024-02-29', regions: ['msk', 'spb'], region: 'msk', vip: true },
      { score: 10, budget: -5, since: '2023-12-31', regions: ['kzn'], region: 'spb', vip: false },
      { score: '100', since: 'soon', regions: [], region: '' },
      { score: 1e21, budget: 0 },
    ])
    expect(await ids(DEFS.number, { op: 'range', from: 9.5 })).toEqual([2, 4])
    expect(await ids(DEFS.number, { op: 'range', from: '9,5', to: '10' })).toEqual([2])
    expect(await ids(DEFS.number, { op: 'eq', value: 1e21 })).toEqual([4])
    expect(await ids(DEFS.money, { op: 'range', to: 0 })).toEqual([2, 4])
    expect(await ids(DEFS.date, { op: 'range', from: '2024-01-01', to: '2024-12-31' })).toEqual([1])
    expect(await ids(DEFS.date, { op: 'range', from: '01.01.2000' })).toEqual([1, 2])
    expect(await ids(DEFS.multiselect, { op: 'in', values: ['spb', 'kzn'] })).toEqual([1, 2])
    expect(await ids(DEFS.multiselect, { op: 'eq', value: 'msk' })).toEqual([1])
    expect(await ids(DEFS.multiselect, { op: 'empty' })).toEqual([3, 4])
    expect(await ids(DEFS.select, { op: 'in', values: ['spb', 'msk'] })).toEqual([1, 2])
    expect(await ids(DEFS.select, { op: 'in', values: [] })).toEqual([])
    expect(await ids(DEFS.select, { op: 'empty' })).toEqual([3, 4])
    expect(await ids(DEFS.boolean, { op: 'eq', value: false })).toEqual([2])
    expect(await ids(DEFS.boolean, { op: 'eq', value: 'true' as unknown as boolean })).toEqual([1])
  })

  it('refuses filters that do not fit the field, as a field error, before any SQL runs', async () => {
    const bad: Array<[CustomFieldType, unknown]> = [
      ['number', { op: 'contains', value: '1' }],
      ['text', { op: 'range', from: 1 }],
      ['boolean', { op: 'in', values: ['true'] }],
      ['select', { op: 'between' }],
      ['select', { op: 'in', values: 'msk' }],
      ['date', { op: 'eq', value: '2023-02-30' }],
      ['number', { op: 'range', from: 'many' }],
    ]
    for (const [type, filter] of bad) {
      let error: unknown
      try {
        await ids(DEFS[type], filter as CustomFilter)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).status).toBe(400)
      expect(Object.keys((error as AppError).fields ?? {})).toEqual([`custom.${DEFS[type].key}`])
    }
  })

  it('every filter returns exactly the records the in-memory reference picks', async () => {
    const types = Object.keys(DEFS) as CustomFieldType[]
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 0, maxLength: 25 }),
        fc.constantFrom(...types).chain((type) => fc.tuple(fc.constant(type), filterFor(type))),
        async (rows, [type, filter]) => {
          await load(rows as Array<Record<string, unknown>>)
          const d = DEFS[type]
          const expected = rows.flatMap((r, i) =>
            matches(d, filter, r as Record<string, unknown>) ? [i + 1] : [],
          )
          expect(await ids(d, filter)).toEqual(expected)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('folds text in SQL exactly as in TypeScript', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 20 }), word, async (values, needle) => {
        await load(values.map((name_note) => ({ name_note })))
        const expected = values.flatMap((v, i) =>
          foldCustomText(v).includes(foldCustomText(needle)) ? [i + 1] : [],
        )
        expect(await ids(DEFS.text, { op: 'contains', value: needle })).toEqual(expected)
      }),
      { numRuns: 60 },
    )
  })

  it('sorts by any field the same way on both databases, empty values last', async () => {
    const sortKey = (d: CustomFieldDef, custom: Record<string, unknown>): number | string | null => {
      const v = stored(custom, d.key)
      switch (d.type) {
        case 'number':
        case 'money':
          return typeof v === 'number' ? v : null
        case 'date':
          return typeof v === 'string' && DATE.test(v) ? v : null
        case 'text':
        case 'long_text':
        case 'link':
          return typeof v === 'string' ? foldCustomText(v) : null
        case 'boolean':
          return typeof v === 'boolean' ? Number(v) : null
        case 'select': {
          if (typeof v !== 'string') return null
          const i = OPTIONS.indexOf(v)
          return i < 0 ? OPTIONS.length : i
        }
        case 'multiselect': {
          const first = Array.isArray(v) ? v[0] : undefined
          if (typeof first !== 'string') return null
          const i = OPTIONS.indexOf(first)
          return i < 0 ? OPTIONS.length : i
        }
      }
    }
    const types = Object.keys(DEFS) as CustomFieldType[]
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(...types),
        fc.boolean(),
        async (rows, type, desc) => {
          await load(rows as Array<Record<string, unknown>>)
          const d = DEFS[type]
          const keyed = rows.map((r, i) => ({ id: i + 1, key: sortKey(d, r as Record<string, unknown>) }))
          keyed.sort((a, b) => {
            if (a.key === null || b.key === null)
              return a.key === b.key ? a.id - b.id : a.key === null ? 1 : -1
            const c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0
            return (desc ? -c : c) || a.id - b.id
          })
          expect(await sortedIds(d, desc)).toEqual(keyed.map((k) => k.id))
        },
      ),
      { numRuns: 100 },
    )
  })
})
