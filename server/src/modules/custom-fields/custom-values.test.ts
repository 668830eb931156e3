import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CustomFieldDef } from './custom-fields.repository.ts'
import type { CustomFieldType } from './custom-fields.schemas.ts'
import { LONG_TEXT_MAX, TEXT_MAX, validateCustomValues, visibleCustomValues } from './custom-values.ts'

let nextId = 1
function def(key: string, type: CustomFieldType, extra: Partial<CustomFieldDef> = {}): CustomFieldDef {
  return {
    id: nextId++,
    entity: 'client',
    appliesTo: 'all',
    key,
    labelRu: key,
    labelEn: key,
    type,
    options:
      type === 'select' || type === 'multiselect'
        ? [
            { value: 'msk', labelRu: 'Москва', labelEn: 'Moscow' },
            { value: 'spb', labelRu: 'Санкт-Петербург', labelEn: 'Saint Petersburg' },
            { value: 'kzn', labelRu: 'Казань', labelEn: '' },
          ]
        : [],
    isRequired: false,
    inList: false,
    position: 0,
    ...extra,
  }
}

const DEFS = [
  def('note', 'text'),
  def('about', 'long_text'),
  def('score', 'number'),
  def('budget', 'money'),
  def('since', 'date'),
  def('vip', 'boolean'),
  def('region', 'select'),
  def('regions', 'multiselect'),
  def('site', 'link'),
]

/** Validates one value of one field on create and returns the stored value or the problem's key. */
function one(key: string, value: unknown): { value?: unknown; problem?: string; params?: unknown } {
  const r = validateCustomValues(DEFS, 'organization', { [key]: value }, {}, 'create')
  const p = r.problems[`custom.${key}`]
  if (p && 'key' in p) return { problem: p.key, params: p.params }
  return Object.hasOwn(r.values, key) ? { value: r.values[key] } : {}
}

describe('validateCustomValues: each type', () => {
  it('text and long text: trimmed, limited, empty clears', () => {
    expect(one('note', '  ООО «Ромашка» ')).toEqual({ value: 'ООО «Ромашка»' })
    expect(one('note', 42)).toEqual({ value: '42' })
    expect(one('note', 'x'.repeat(TEXT_MAX))).toEqual({ value: 'x'.repeat(TEXT_MAX) })
    expect(one('note', 'x'.repeat(TEXT_MAX + 1))).toEqual({
      problem: 'custom.too_long',
      params: { max: 500 },
    })
    expect(one('note', { a: 1 })).toMatchObject({ problem: 'custom.not_text' })
    expect(one('note', '   ')).toEqual({})
    expect(one('about', 'line 1\r\nline 2')).toEqual({ value: 'line 1\nline 2' })
    expect(one('about', 'y'.repeat(LONG_TEXT_MAX + 1))).toMatchObject({
      problem: 'custom.too_long',
      params: { max: 20_000 },
    })
  })

  it('number: finite decimals, also from "1 234,5"', () => {
    expect(one('score', 12.5)).toEqual({ value: 12.5 })
    expect(one('score', '1 234,5')).toEqual({ value: 1234.5 })
    expect(one('score', '1\u00a0234\u202f567,25')).toEqual({ value: 1234567.25 })
    expect(one('score', '-0.75')).toEqual({ value: -0.75 })
    expect(one('score', -0)).toEqual({ value: 0 })
    for (const bad of ['abc', '1,2,3', '1.234,5', '1e5', Number.NaN, Number.POSITIVE_INFINITY, true, [1]])
      expect(one('score', bad)).toMatchObject({ problem: 'custom.not_a_number' })
  })

  it('money: whole minor units only', () => {
    expect(one('budget', 150_000)).toEqual({ value: 150_000 })
    expect(one('budget', '1 500 000')).toEqual({ value: 1_500_000 })
    expect(one('budget', -500)).toEqual({ value: -500 })
    expect(one('budget', 10.5)).toMatchObject({ problem: 'custom.not_minor_units' })
    expect(one('budget', '100,50')).toMatchObject({ problem: 'custom.not_minor_units' })
    expect(one('budget', '100.00')).toMatchObject({ problem: 'custom.not_minor_units' })
    expect(one('budget', 2 ** 60)).toMatchObject({ problem: 'custom.not_minor_units' })
    expect(one('budget', 'сто')).toMatchObject({ problem: 'custom.not_a_number' })
  })

  it('date: a real calendar date, stored as YYYY-MM-DD', () => {
    expect(one('since', '2024-02-29')).toEqual({ value: '2024-02-29' })
    expect(one('since', '01.03.2025')).toEqual({ value: '2025-03-01' })
    for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-4-1', '0000-01-01', 'вчера', 20240101])
      expect(one('since', bad)).toMatchObject({ problem: 'custom.bad_date' })
  })

  it('boolean: true/false, also as text and 1/0', () => {
    expect(one('vip', true)).toEqual({ value: true })
    expect(one('vip', 'false')).toEqual({ value: false })
    expect(one('vip', 'TRUE')).toEqual({ value: true })
    expect(one('vip', 0)).toEqual({ value: false })
    expect(one('vip', 'maybe')).toMatchObject({ problem: 'custom.not_a_boolean' })
  })

  it('select: one of the options (by value, or by a label), naming the allowed values otherwise', () => {
    expect(one('region', 'spb')).toEqual({ value: 'spb' })
    expect(one('region', 'москва')).toEqual({ value: 'msk' })
    expect(one('region', 'Saint Petersburg')).toEqual({ value: 'spb' })
    expect(one('region', 'ekb')).toEqual({
      problem: 'custom.not_an_option',
      params: { allowed: 'msk, spb, kzn' },
    })
    expect(one('region', ['msk'])).toMatchObject({ problem: 'custom.not_an_option' })
  })

  it('multiselect: distinct option values', () => {
    expect(one('regions', ['spb', 'msk', 'spb'])).toEqual({ value: ['spb', 'msk'] })
    expect(one('regions', 'kzn')).toEqual({ value: ['kzn'] })
    expect(one('regions', [])).toEqual({})
    expect(one('regions', ['msk', 'ekb'])).toMatchObject({ problem: 'custom.not_an_option' })
    expect(one('regions', { msk: true })).toMatchObject({ problem: 'custom.not_a_list' })
  })

  it('link: http or https addresses only', () => {
    expect(one('site', 'https://example.com/price?x=1')).toEqual({ value: 'https://example.com/price?x=1' })
    expect(one('site', 'example.com')).toEqual({ value: 'https://example.com' })
    expect(one('site', 'localhost:3000/a')).toEqual({ value: 'https://localhost:3000/a' })
    expect(one('site', 'http://ромашка.рф')).toEqual({ value: 'http://ромашка.рф' })
    for (const bad of [
      'javascript:alert(1)',
      'ftp://example.com',
      'mailto:a@example.com',
      'https://user:pw@example.com',
      'https://exa mple.com',
      'https://',
      42,
    ])
      expect(one('site', bad)).toMatchObject({ problem: 'custom.bad_url' })
  })
})

describe('validateCustomValues: merging, kinds and required fields', () => {
  const required = def('inn_note', 'text', { isRequired: true })
  const orgOnly = def('okved', 'text', { appliesTo: 'organization' })
  const personOnly = def('hobby', 'text', { appliesTo: 'person', isRequired: true })
  const defs = [required, orgOnly, personOnly, def('score', 'number')]

  it('on create every required field for the kind must be filled', () => {
    const r = validateCustomValues(defs, 'organization', { okved: '62.01' }, {}, 'create')
    expect(r.problems).toEqual({ 'custom.inn_note': { key: 'custom.required' } })
    const person = validateCustomValues(defs, 'person', undefined, {}, 'create')
    expect(Object.keys(person.problems).sort()).toEqual(['custom.hobby', 'custom.inn_note'])
    const ok = validateCustomValues(defs, 'organization', { inn_note: 'x' }, {}, 'create')
    expect(ok).toEqual({ values: { inn_note: 'x' }, problems: {} })
  })

  it('on update merges over the stored values; null clears; a required field cannot be cleared', () => {
    const previous = { inn_note: 'a', score: 1, gone: 'kept from a deleted field' }
    const r = validateCustomValues(defs, 'organization', { score: null, okved: '62' }, previous, 'update')
    expect(r).toEqual({
      values: { inn_note: 'a', okved: '62', gone: 'kept from a deleted field' },
      problems: {},
    })
    const cleared = validateCustomValues(defs, 'organization', { inn_note: '' }, previous, 'update')
    expect(cleared.problems).toEqual({ 'custom.inn_note': { key: 'custom.required' } })
    // A field made required after the record was saved is not forced on every later edit.
    const untouched = validateCustomValues(defs, 'person', { score: 2 }, {}, 'update')
    expect(untouched.problems).toEqual({})
    expect(untouched.values).toEqual({ score: 2 })
    // Values of deleted fields may be cleared, never set.
    expect(
      validateCustomValues(defs, 'organization', { gone: null }, previous, 'update').values,
    ).not.toHaveProperty('gone')
  })

  it('refuses unknown keys and fields of the other kind, on custom.<key>', () => {
    const r = validateCustomValues(defs, 'person', { nope: 1, okved: '62', constructor: 'x' }, {}, 'update')
    expect(r.problems).toEqual({
      'custom.nope': { key: 'custom.unknown_field' },
      'custom.okved': { key: 'custom.not_applicable' },
      'custom.constructor': { key: 'custom.unknown_field' },
    })
    expect(r.values).toEqual({})
  })

  it('shows only values with a current definition that still fit it', () => {
    const shown = visibleCustomValues(defs, 'organization', {
      inn_note: 'x',
      okved: '62',
      hobby: 'chess',
      score: 'not a number any more',
      gone: 1,
    })
    expect(shown).toEqual({ inn_note: 'x', okved: '62' })
  })
})

// ── properties ──────────────────────────────────────────────────────────────
const options = DEFS.find((d) => d.key === 'region')!.options.map((o) => o.value)
const noEdgeSpace = (s: string) => s.trim() === s && s.length > 0

/** Values already in their stored form, per type. */
const canonical: Record<CustomFieldType, fc.Arbitrary<unknown>> = {
  text: fc.string({ minLength: 1, maxLength: TEXT_MAX }).filter(noEdgeSpace),
  long_text: fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 2000 })
    .map((s) => s.replace(/\r/g, ''))
    .filter(noEdgeSpace),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0),
  money: fc.maxSafeInteger(),
  date: fc
    .date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  boolean: fc.boolean(),
  select: fc.constantFrom(...options),
  multiselect: fc.uniqueArray(fc.constantFrom(...options), { minLength: 1 }),
  link: fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
}

describe('validateCustomValues: properties', () => {
  for (const d of DEFS) {
    it(`any valid ${d.type} value is stored as given and validates to itself again`, () => {
      fc.assert(
        fc.property(canonical[d.type], (value) => {
          const first = validateCustomValues(DEFS, 'organization', { [d.key]: value }, {}, 'update')
          expect(first.problems).toEqual({})
          expect(first.values).toEqual({ [d.key]: value })
          const again = validateCustomValues(DEFS, 'person', first.values, {}, 'update')
          expect(again.values).toEqual(first.values)
          // What is stored survives the JSON column.
          expect(JSON.parse(JSON.stringify(first.values))).toEqual(first.values)
        }),
      )
    })
  }

  it('money refuses every number that is not a whole number of minor units', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }).filter((n) => !Number.isSafeInteger(n)),
        (n) => {
          const r = validateCustomValues(DEFS, 'organization', { budget: n }, {}, 'update')
          expect(r.problems['custom.budget']).toBeDefined()
          expect(r.values).toEqual({})
        },
      ),
    )
  })

  it('numbers written the Russian way read back as the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const grouped = Math.abs(whole)
          .toString()
          .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
        const text = `${whole < 0 ? '-' : ''}${grouped},${String(cents).padStart(2, '0')}`
        const expected = Number(`${whole < 0 ? '-' : ''}${Math.abs(whole)}.${String(cents).padStart(2, '0')}`)
        expect(validateCustomValues(DEFS, 'organization', { score: text }, {}, 'update').values.score).toBe(
          expected + 0,
        )
      }),
    )
  })

  it('an update never loses stored values it does not mention', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('note', 'score', 'vip', 'legacy'), fc.constantFrom('x', 1, true)),
        fc.constantFrom(...DEFS.map((d) => d.key)),
        (previous, touched) => {
          const r = validateCustomValues(DEFS, 'organization', { [touched]: null }, previous, 'update')
          for (const [k, v] of Object.entries(previous)) if (k !== touched) expect(r.values[k]).toEqual(v)
          expect(r.values).not.toHaveProperty(touched)
        },
      ),
    )
  })
})
