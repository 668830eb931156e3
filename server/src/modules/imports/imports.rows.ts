/**
 * One spreadsheet row → the input of the clients' service: values as people type them (dates, money,
 * phones, labels in either language), classifier nodes by path, owners by e-mail or name. Problems the
 * conversion itself finds are reported per cell; everything else is the clients' own validation.
 */
import type { Tx } from '../../platform/db/database.ts'
import { type Locale, translate } from '../../platform/i18n/messages.ts'
import type { ClientCreateInput } from '../clients/index.ts'
import { type CustomFieldDef, findCustomFields } from '../custom-fields/index.ts'
import { restoreNeutralized } from '../exports/index.ts'
import { foldHeader } from './mapping.ts'
import { parseBoolean, parseDate, parseMoney, parseNumber } from './values.ts'

export interface RowError {
  column: number | null
  field: string
  message: string
}

export type ImportKind = 'organization' | 'person'

export interface ImportSettings {
  kind: ImportKind | 'auto'
  matchBy: Array<'inn' | 'email' | 'phone' | 'externalId' | 'name'>
  policy: 'skip' | 'update_empty' | 'overwrite' | 'create'
  ownerId: number | null
}

export const DEFAULT_SETTINGS: ImportSettings = {
  kind: 'auto',
  matchBy: ['externalId', 'inn', 'email', 'phone'],
  policy: 'skip',
  ownerId: null,
}

interface ClassifierInfo {
  id: number
  names: string[]
  multiple: boolean
  nodes: Array<{ id: number; parentId: number | null; names: string[]; manual: boolean }>
}

/** What conversion needs from the database, read once per batch. */
export interface Lookups {
  locale: Locale
  defs: CustomFieldDef[]
  classifiers: ClassifierInfo[]
  users: Array<{ id: number; email: string; name: string }>
}

export async function loadLookups(tx: Tx, locale: Locale): Promise<Lookups> {
  const defs = await findCustomFields(tx, 'client')
  const cls = await tx.selectFrom('classifiers').select(['id', 'name_ru', 'name_en', 'multiple']).execute()
  const nodes = await tx
    .selectFrom('classifier_nodes')
    .select(['id', 'classifier_id', 'parent_id', 'name_ru', 'name_en', 'rule'])
    .execute()
  const users = await tx
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('is_active', '=', 1)
    .execute()
  return {
    locale,
    defs,
    classifiers: cls.map((c) => ({
      id: c.id,
      names: [foldHeader(c.name_ru), foldHeader(c.name_en)],
      multiple: c.multiple === 1,
      nodes: nodes
        .filter((n) => n.classifier_id === c.id)
        .map((n) => ({
          id: n.id,
          parentId: n.parent_id,
          names: [foldHeader(n.name_ru), foldHeader(n.name_en)],
          manual: n.rule === null,
        })),
    })),
    users,
  }
}

export interface ConvertedRow {
  kind: ImportKind
  input: ClientCreateInput
  /** Which column each input field came from (`channels.3` too), to put the service's problems on cells. */
  columns: Record<string, number>
  externalId: string | null
  classifierNodes: Map<number, number[]>
  contact: {
    lastName: string
    firstName: string
    middleName: string
    position: string
    channels: Array<{ type: 'phone' | 'email'; value: string }>
  } | null
  errors: RowError[]
  name: string
}

const KIND_WORDS: Record<string, ImportKind> = {
  организация: 'organization',
  'юридическое лицо': 'organization',
  юрлицо: 'organization',
  компания: 'organization',
  organization: 'organization',
  organisation: 'organization',
  company: 'organization',
  'физическое лицо': 'person',
  физлицо: 'person',
  'частное лицо': 'person',
  person: 'person',
  individual: 'person',
}
const SIZES = ['micro', 'small', 'medium', 'large', 'enterprise'] as const
const LEGAL_FORMS = ['ООО', 'АО', 'ПАО', 'НАО', 'ИП', 'ГУП', 'МУП', 'НКО', 'АНО', 'ТСЖ', 'foreign', 'other']
const TEXT_FIELDS = [
  'name',
  'fullName',
  'inn',
  'kpp',
  'ogrn',
  'lastName',
  'firstName',
  'middleName',
  'website',
  'legalAddress',
  'postalAddress',
  'industry',
  'source',
  'description',
] as const

function text(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  return restoreNeutralized(String(value).trim()).trim()
}

function splitList(s: string): string[] {
  return s
    .split(/[;\n]|,(?=\s*[^\s\d])/)
    .map((x) => x.trim())
    .filter(Boolean)
}

function sizeOf(s: string): (typeof SIZES)[number] | null {
  const f = foldHeader(s)
  for (const size of SIZES) {
    if (f === size) return size
    for (const l of ['ru', 'en'] as const)
      if (foldHeader(translate(l, `exports.size.${size}`)) === f) return size
  }
  return null
}

/** Node ids for a cell such as "Отрасль / Торговля / Продукты; Отрасль / Строительство". */
function resolveNodes(
  cell: string,
  classifiers: ClassifierInfo[],
  fixed: ClassifierInfo | undefined,
): { nodes: Map<number, number[]>; missing: string[] } {
  const nodes = new Map<number, number[]>()
  const missing: string[] = []
  for (const path of cell
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    let parts = path.split('/').map((p) => foldHeader(p))
    let c = fixed
    if (!c || c.names.includes(parts[0]!)) {
      c = classifiers.find((x) => x.names.includes(parts[0]!) && (!fixed || x.id === fixed.id))
      parts = parts.slice(1)
    }
    let parent: number | null = null
    let found: number | null = null
    for (const part of parts) {
      const n = c?.nodes.find((x) => x.parentId === parent && x.names.includes(part))
      if (!n) {
        found = null
        break
      }
      found = n.id
      parent = n.id
    }
    if (!c || found === null || !parts.length) missing.push(path)
    else nodes.set(c.id, [...(nodes.get(c.id) ?? []), found])
  }
  return { nodes, missing }
}

function customValue(def: CustomFieldDef, s: string): unknown {
  switch (def.type) {
    case 'money':
      return parseMoney(s) ?? s
    case 'number':
      return parseNumber(s) ?? s
    case 'date':
      return parseDate(s) ?? s
    case 'boolean': {
      const b = parseBoolean(s)
      return b === null || b === undefined ? s : b
    }
    case 'multiselect':
      return s
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean)
    default:
      return s
  }
}

/** Converts a row with a mapping (one field per column, or null) and the import's settings. */
export function convertRow(
  cells: readonly unknown[],
  mapping: ReadonlyArray<string | null>,
  settings: ImportSettings,
  lookups: Lookups,
): ConvertedRow {
  const t = (key: string, value: string) => translate(lookups.locale, key, { value })
  const errors: RowError[] = []
  const input: Record<string, unknown> = {}
  const columns: Record<string, number> = {}
  const custom: Record<string, unknown> = {}
  const channels: Array<{ type: 'phone' | 'email'; value: string }> = []
  const classifierNodes = new Map<number, number[]>()
  const contact = {
    lastName: '',
    firstName: '',
    middleName: '',
    position: '',
    channels: [] as Array<{ type: 'phone' | 'email'; value: string }>,
  }
  let hasContact = false
  let externalId: string | null = null
  let kind: ImportKind | null = settings.kind === 'auto' ? null : settings.kind
  let contactColumn = -1
  mapping.forEach((field, i) => {
    if (!field) return
    const raw = cells[i]
    const s = text(raw)
    if (s === '') return
    if ((TEXT_FIELDS as readonly string[]).includes(field)) {
      input[field] = s
      columns[field] = i
      return
    }
    switch (field) {
      case 'kind': {
        const k = KIND_WORDS[foldHeader(s)]
        if (k) kind = k
        else errors.push({ column: i, field: 'kind', message: t('imports.bad_kind', s) })
        break
      }
      case 'legalForm': {
        const f = LEGAL_FORMS.find((x) => x.toLowerCase() === s.toLowerCase())
        if (f) {
          input.legalForm = f
          columns.legalForm = i
        } else errors.push({ column: i, field, message: t('imports.bad_legal_form', s) })
        break
      }
      case 'birthDate': {
        const d = parseDate(raw instanceof Date ? raw : s)
        if (d) {
          input.birthDate = d
          columns.birthDate = i
        } else errors.push({ column: i, field, message: t('imports.bad_date', s) })
        break
      }
      case 'size': {
        const size = sizeOf(s)
        if (size) {
          input.size = size
          columns.size = i
        } else errors.push({ column: i, field, message: t('imports.bad_size', s) })
        break
      }
      case 'phone':
      case 'email':
        for (const v of splitList(s)) {
          columns[`channels.${channels.length}`] = i
          channels.push({ type: field, value: v })
        }
        break
      case 'owner': {
        const f = s.toLowerCase()
        const u =
          lookups.users.find((x) => x.email.toLowerCase() === f) ??
          lookups.users.find((x) => foldHeader(x.name) === foldHeader(s))
        if (u) {
          input.ownerId = u.id
          columns.ownerId = i
        } else errors.push({ column: i, field, message: t('imports.owner_not_found', s) })
        break
      }
      case 'externalId':
        externalId = s
        break
      case 'contactName': {
        const [last = '', first = '', ...middle] = s.split(/\s+/)
        contact.lastName = last
        contact.firstName = first
        contact.middleName = middle.join(' ')
        hasContact = true
        contactColumn = i
        break
      }
      case 'contactPosition':
        contact.position = s
        break
      case 'contactPhone':
      case 'contactEmail':
        for (const v of splitList(s))
          contact.channels.push({ type: field === 'contactPhone' ? 'phone' : 'email', value: v })
        hasContact = true
        break
      default: {
        if (field.startsWith('custom.')) {
          const def = lookups.defs.find((d) => d.key === field.slice(7))
          if (def) {
            custom[def.key] = customValue(def, s)
            columns[`custom.${def.key}`] = i
          }
        } else if (field === 'classifier' || field.startsWith('classifier:')) {
          const fixed =
            field === 'classifier'
              ? undefined
              : lookups.classifiers.find((c) => `classifier:${c.id}` === field)
          const { nodes, missing } = resolveNodes(s, lookups.classifiers, fixed)
          for (const [c, ids] of nodes) classifierNodes.set(c, [...(classifierNodes.get(c) ?? []), ...ids])
          for (const m of missing) errors.push({ column: i, field, message: t('imports.node_not_found', m) })
        }
      }
    }
  })
  if (!kind) kind = !input.name && (input.lastName || input.firstName) ? 'person' : 'organization'
  if (kind === 'person' && !input.lastName && !input.firstName && typeof input.name === 'string') {
    // "Иванов Иван Иванович" in a name column of a person.
    const [last = '', first = '', ...middle] = input.name.split(/\s+/)
    input.lastName = last
    input.firstName = first
    input.middleName = middle.join(' ')
    for (const f of ['lastName', 'firstName', 'middleName']) columns[f] = columns.name!
    delete input.name
  }
  if (input.ownerId === undefined && settings.ownerId !== null) input.ownerId = settings.ownerId
  if (channels.length) input.channels = channels.map((c) => ({ ...c, label: '', isPrimary: false }))
  if (Object.keys(custom).length) input.custom = custom
  if (hasContact && contactColumn < 0) contactColumn = mapping.indexOf('contactPhone')
  const name =
    (input.name as string | undefined) ??
    [input.lastName, input.firstName, input.middleName].filter(Boolean).join(' ')
  return {
    kind,
    input: { ...input, kind } as ClientCreateInput,
    columns,
    externalId,
    classifierNodes,
    contact: hasContact && (contact.lastName || contact.firstName) ? contact : null,
    errors,
    name,
  }
}
