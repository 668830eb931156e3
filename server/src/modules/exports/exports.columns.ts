/**
 * The columns of an exported client list: the list's own column keys (standard ones, `custom:<key>`,
 * `class:<classifierId>`) turned into headers in the employee's language and typed cell values.
 */
import { AppError } from '../../platform/errors/app-error.ts'
import { type Locale, translate } from '../../platform/i18n/messages.ts'
import type { ClientListItem } from '../clients/index.ts'
import { type CustomFieldDef, localLabel } from '../custom-fields/index.ts'
import type { Cell } from './cells.ts'

export const STANDARD_EXPORT_COLUMNS = [
  'name',
  'kind',
  'inn',
  'kpp',
  'ogrn',
  'phone',
  'email',
  'industry',
  'size',
  'source',
  'owner',
  'team',
  'completeness',
  'createdAt',
  'updatedAt',
  'nextActivityAt',
  'lastContactAt',
] as const
type StandardColumn = (typeof STANDARD_EXPORT_COLUMNS)[number]

/** How a writer shows a value: numbers and money as numbers, dates as dates. */
export type ColumnType = 'text' | 'number' | 'money' | 'date' | 'datetime'

export interface ExportColumn {
  key: string
  header: string
  type: ColumnType
  value: (item: ClientListItem) => Cell
}

/** A classifier's name and the full path of each of its nodes ("Отрасль / Розница / Продукты"). */
export interface ClassifierPaths {
  name: string
  paths: Map<number, string>
}

export interface ColumnContext {
  locale: Locale
  timeZone: string
  defs: readonly CustomFieldDef[]
  classifiers: ReadonlyMap<number, ClassifierPaths>
}

/** Separator of several values in one cell (multiselect options, classifier nodes). */
export const LIST_SEPARATOR = '; '

/**
 * The wall-clock time of an instant in a zone, as a Date whose UTC fields carry it: spreadsheets have
 * no zones, so a date cell shows exactly what the employee sees in the app.
 */
export function wallClock(iso: string, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(iso))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return new Date(
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')),
  )
}

function standardColumn(key: StandardColumn, ctx: ColumnContext): ExportColumn {
  const header = translate(ctx.locale, `exports.col.${key}`)
  const text = (value: (c: ClientListItem) => string | null | undefined): ExportColumn => ({
    key,
    header,
    type: 'text',
    value: (c) => value(c) || null,
  })
  switch (key) {
    case 'kind':
      return text((c) => translate(ctx.locale, `exports.kind.${c.kind}`))
    case 'size':
      return text((c) => (c.size ? translate(ctx.locale, `exports.size.${c.size}`) : null))
    case 'owner':
      return text((c) => c.owner?.name)
    case 'team':
      return text((c) => c.team?.name)
    case 'completeness':
      return { key, header, type: 'number', value: (c) => c.completeness }
    case 'createdAt':
    case 'updatedAt':
      return { key, header, type: 'datetime', value: (c) => wallClock(c[key], ctx.timeZone) }
    case 'nextActivityAt':
    case 'lastContactAt':
      return {
        key,
        header,
        type: 'datetime',
        value: (c) => {
          const at = c[key]
          return at ? wallClock(at, ctx.timeZone) : null
        },
      }
    default:
      return text((c) => c[key])
  }
}

function customColumn(def: CustomFieldDef, ctx: ColumnContext): ExportColumn {
  const optionLabel = (value: unknown) => {
    const o = def.options.find((x) => x.value === value)
    return o ? localLabel(ctx.locale, o.labelRu, o.labelEn) : String(value)
  }
  const header = localLabel(ctx.locale, def.labelRu, def.labelEn)
  const key = `custom:${def.key}`
  const raw = (c: ClientListItem) => c.custom[def.key]
  switch (def.type) {
    case 'number':
      return {
        key,
        header,
        type: 'number',
        value: (c) => (typeof raw(c) === 'number' ? (raw(c) as number) : null),
      }
    case 'money':
      // Stored in minor units (kopecks): exported as an amount.
      return {
        key,
        header,
        type: 'money',
        value: (c) => (typeof raw(c) === 'number' ? (raw(c) as number) / 100 : null),
      }
    case 'date':
      return {
        key,
        header,
        type: 'date',
        value: (c) => (typeof raw(c) === 'string' ? new Date(`${raw(c) as string}T00:00:00Z`) : null),
      }
    case 'boolean':
      return {
        key,
        header,
        type: 'text',
        value: (c) =>
          typeof raw(c) === 'boolean' ? translate(ctx.locale, raw(c) ? 'exports.yes' : 'exports.no') : null,
      }
    case 'select':
      return { key, header, type: 'text', value: (c) => (raw(c) == null ? null : optionLabel(raw(c))) }
    case 'multiselect':
      return {
        key,
        header,
        type: 'text',
        value: (c) => {
          const v = raw(c)
          return Array.isArray(v) && v.length ? v.map(optionLabel).join(LIST_SEPARATOR) : null
        },
      }
    default:
      return {
        key,
        header,
        type: 'text',
        value: (c) => (raw(c) == null || raw(c) === '' ? null : String(raw(c))),
      }
  }
}

function classifierColumn(key: string, classifier: ClassifierPaths): ExportColumn {
  return {
    key,
    header: classifier.name,
    type: 'text',
    value: (c) => {
      const paths = c.nodes.flatMap((id) => {
        const p = classifier.paths.get(id)
        return p ? [p] : []
      })
      return paths.length ? paths.join(LIST_SEPARATOR) : null
    },
  }
}

/** Resolves the requested column keys; an unknown key is a 400 on `columns`. */
export function resolveColumns(keys: readonly string[], ctx: ColumnContext): ExportColumn[] {
  return keys.map((key) => {
    if ((STANDARD_EXPORT_COLUMNS as readonly string[]).includes(key))
      return standardColumn(key as StandardColumn, ctx)
    if (key.startsWith('custom:')) {
      const def = ctx.defs.find((d) => d.key === key.slice(7))
      if (def) return customColumn(def, ctx)
    }
    if (/^class:\d+$/.test(key)) {
      const classifier = ctx.classifiers.get(Number(key.slice(6)))
      if (classifier) return classifierColumn(key, classifier)
    }
    throw AppError.field('columns', 'exports.unknown_column', { key })
  })
}
