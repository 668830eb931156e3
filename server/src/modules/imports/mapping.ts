/**
 * Guessing which client field a column holds from its header, in Russian or English, as exported by
 * Excel, 1C, amoCRM, Bitrix24 and others. The wizard shows the guess; the user corrects it.
 */
export const IMPORT_FIELDS = [
  'name',
  'fullName',
  'legalForm',
  'inn',
  'kpp',
  'ogrn',
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'phone',
  'email',
  'website',
  'legalAddress',
  'postalAddress',
  'industry',
  'size',
  'source',
  'owner',
  'description',
  'externalId',
  'contactName',
  'contactPosition',
  'contactPhone',
  'contactEmail',
  'classifier',
  'kind',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** Header words per field (folded: lower case, ё → е, punctuation and spaces collapsed). */
const SYNONYMS: Record<ImportField, string[]> = {
  name: [
    'наименование',
    'название',
    'название компании',
    'компания',
    'организация',
    'клиент',
    'контрагент',
    'краткое наименование',
    'name',
    'company',
    'company name',
    'account name',
    'organization',
    'client',
  ],
  fullName: [
    'полное наименование',
    'полное название',
    'full name of company',
    'legal name',
    'full legal name',
  ],
  legalForm: ['опф', 'форма собственности', 'организационно правовая форма', 'legal form'],
  inn: ['инн', 'inn', 'tax id', 'taxpayer id'],
  kpp: ['кпп', 'kpp'],
  ogrn: ['огрн', 'огрнип', 'ogrn', 'ogrnip', 'registration number'],
  lastName: ['фамилия', 'last name', 'surname', 'family name'],
  firstName: ['имя', 'first name', 'given name'],
  middleName: ['отчество', 'middle name', 'patronymic'],
  birthDate: ['дата рождения', 'день рождения', 'birth date', 'date of birth', 'birthday', 'dob'],
  phone: [
    'телефон',
    'тел',
    'телефоны',
    'рабочий телефон',
    'мобильный',
    'мобильный телефон',
    'phone',
    'phone number',
    'telephone',
    'mobile',
    'work phone',
  ],
  email: [
    'email',
    'e mail',
    'эл почта',
    'электронная почта',
    'почта',
    'e mail адрес',
    'mail',
    'email address',
  ],
  website: ['сайт', 'веб сайт', 'web', 'website', 'site', 'url'],
  legalAddress: ['юридический адрес', 'юр адрес', 'адрес', 'legal address', 'address', 'registered address'],
  postalAddress: ['почтовый адрес', 'фактический адрес', 'postal address', 'mailing address'],
  industry: ['отрасль', 'сфера', 'сфера деятельности', 'вид деятельности', 'industry', 'sector'],
  size: ['размер', 'размер компании', 'size', 'company size'],
  source: ['источник', 'источник клиента', 'канал', 'source', 'lead source'],
  owner: [
    'ответственный',
    'менеджер',
    'ответственный менеджер',
    'owner',
    'responsible',
    'account owner',
    'assigned to',
    'manager',
  ],
  description: [
    'описание',
    'комментарий',
    'примечание',
    'заметки',
    'description',
    'comment',
    'notes',
    'note',
  ],
  externalId: [
    'id',
    'внешний id',
    'внешний идентификатор',
    'код',
    'код 1с',
    'external id',
    'ext id',
    'crm id',
  ],
  contactName: ['контактное лицо', 'контакт', 'фио контакта', 'contact', 'contact name', 'contact person'],
  contactPosition: ['должность', 'должность контакта', 'position', 'job title', 'title'],
  contactPhone: ['телефон контакта', 'телефон контактного лица', 'contact phone'],
  contactEmail: ['email контакта', 'почта контакта', 'contact email'],
  kind: ['вид', 'вид клиента', 'тип клиента', 'kind', 'client type'],
  classifier: ['категория', 'классификатор', 'сегмент', 'category', 'segment', 'tags', 'теги'],
}

export function foldHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const LOOKUP = new Map<string, ImportField>()
for (const field of IMPORT_FIELDS) for (const word of SYNONYMS[field]) LOOKUP.set(foldHeader(word), field)

/**
 * A field for each header (or null), each field used once: exact synonyms first, then headers that
 * start with a synonym ("Телефон (моб.)"). Custom fields match by their label or key.
 */
export function guessMapping(
  headers: readonly string[],
  customFields: ReadonlyArray<{ key: string; labelRu: string; labelEn: string }> = [],
): Array<ImportField | `custom.${string}` | null> {
  const custom = new Map<string, string>()
  for (const d of customFields)
    for (const label of [d.key, d.labelRu, d.labelEn]) if (label) custom.set(foldHeader(label), d.key)
  const used = new Set<string>()
  const out: Array<ImportField | `custom.${string}` | null> = headers.map(() => null)
  const take = (i: number, field: ImportField | `custom.${string}`) => {
    if (used.has(field)) return
    used.add(field)
    out[i] = field
  }
  headers.forEach((h, i) => {
    const f = foldHeader(h)
    const exact = LOOKUP.get(f)
    if (exact) take(i, exact)
    else if (custom.has(f)) take(i, `custom.${custom.get(f)!}`)
  })
  headers.forEach((h, i) => {
    if (out[i] !== null) return
    const f = foldHeader(h)
    for (const [word, field] of LOOKUP) {
      if (word.length >= 3 && (f.startsWith(`${word} `) || f === word)) {
        take(i, field)
        break
      }
    }
  })
  return out
}

/** A key of a header row, to remember a mapping for files with the same columns. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(foldHeader).join('|')
}
