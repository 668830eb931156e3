import type { ClientCard, CustomField } from '@mmcrm/server/api-types'
import { describe, expect, it } from 'vitest'
import { createBody, fieldNameOf, formValuesOf, updatePatch } from './client-form-values.ts'

function field(
  key: string,
  type: CustomField['type'],
  appliesTo: CustomField['appliesTo'] = 'all',
): CustomField {
  return {
    id: 1,
    entity: 'client',
    appliesTo,
    key,
    label: key,
    labelRu: key,
    labelEn: key,
    type,
    options: [],
    isRequired: false,
    inList: false,
    position: 0,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }
}

const defs = [
  field('budget', 'money', 'organization'),
  field('signed', 'date'),
  field('age', 'number', 'person'),
]

const card: ClientCard = {
  id: 7,
  kind: 'organization',
  name: 'Ромашка',
  fullName: '',
  legalForm: 'ООО',
  inn: '7707083893',
  kpp: '773601001',
  ogrn: null,
  isForeign: false,
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: null,
  legalAddress: '',
  postalAddress: '',
  website: 'https://romashka.ru',
  industry: '',
  size: '',
  source: '',
  description: '',
  custom: { budget: 150050, signed: '2026-03-01' },
  completeness: 50,
  missing: [],
  owner: { id: 3, name: 'Алексей' },
  team: { id: 1, name: 'Москва' },
  channels: [
    {
      id: 1,
      type: 'phone',
      value: '+7 495 500 55 50',
      normalized: '+74955005550',
      label: '',
      isPrimary: true,
    },
  ],
  bankAccounts: [],
  deletedAt: null,
  mergedIntoId: null,
  erasedAt: null,
  createdBy: null,
  version: 4,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

describe('the client form', () => {
  it('shows money in roubles and sends it back in kopecks, dates as YYYY-MM-DD', () => {
    const values = formValuesOf(card, defs)
    expect(values.custom?.budget).toBe(1500.5)
    const body = createBody('organization', values, defs, false)
    expect(body.custom).toEqual({ budget: 150050, signed: '2026-03-01' })
    expect(body).not.toHaveProperty('ownerId')
  })

  it('sends only what changed, and nothing when nothing did', () => {
    expect(updatePatch(card, formValuesOf(card, defs), defs, true)).toEqual({})
    const values = { ...formValuesOf(card, defs), industry: 'Ритейл' }
    values.custom = { ...values.custom, budget: 2000 }
    expect(updatePatch(card, values, defs, false)).toEqual({ industry: 'Ритейл', custom: { budget: 200000 } })
  })

  it('drops the КПП of a sole proprietor and the requisites a foreign organization does not have', () => {
    const ip = createBody('organization', { ...formValuesOf(card, defs), legalForm: 'ИП' }, defs, false)
    expect(ip.kpp).toBeNull()
    const foreign = createBody(
      'organization',
      { ...formValuesOf(card, defs), legalForm: 'foreign' },
      defs,
      false,
    )
    expect(foreign).toMatchObject({ isForeign: true, kpp: null, ogrn: null, legalForm: 'foreign' })
  })

  it('reassigns only for those who may, and leaves the team to the server unless one is chosen', () => {
    const values = { ...formValuesOf(card, defs), ownerId: 5, teamId: undefined }
    expect(updatePatch(card, values, defs, false)).toEqual({})
    expect(updatePatch(card, values, defs, true)).toEqual({ ownerId: 5 })
  })

  it('puts server errors under the inputs that show them', () => {
    const shown = new Set(['inn', 'channels', 'bankAccounts', 'legalForm'])
    const custom = new Set(['budget'])
    expect(fieldNameOf('inn', shown, custom)).toBe('inn')
    expect(fieldNameOf('channels.0.value', shown, custom)).toEqual(['channels', 0, 'value'])
    expect(fieldNameOf('bankAccounts.1.account', shown, custom)).toEqual(['bankAccounts', 1, 'account'])
    expect(fieldNameOf('custom.budget', shown, custom)).toEqual(['custom', 'budget'])
    expect(fieldNameOf('custom.gone', shown, custom)).toBeNull()
    expect(fieldNameOf('isForeign', shown, custom)).toBe('legalForm')
    expect(fieldNameOf('kpp', shown, custom)).toBeNull()
  })
})
