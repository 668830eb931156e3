import type { ImportField } from '@mmcrm/server/api-types'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useClassifierName, useClassifiers } from '../../classifiers/hooks/use-classifiers.ts'
import { useCustomFieldLabel, useCustomFields } from '../../custom-fields/hooks/use-custom-fields.ts'

/** Client fields the import fills, in the order a form shows them (the server's IMPORT_FIELDS). */
export const CLIENT_TARGETS = [
  'kind',
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
] as const satisfies readonly ImportField[]

export const CONTACT_TARGETS = [
  'contactName',
  'contactPosition',
  'contactPhone',
  'contactEmail',
] as const satisfies readonly ImportField[]

// Every field the server can import is offered here (the compiler says which one is missing).
type Offered = (typeof CLIENT_TARGETS)[number] | (typeof CONTACT_TARGETS)[number] | 'classifier'
const _everyFieldOffered: Record<Exclude<ImportField, Offered>, never> = {}
void _everyFieldOffered

/** The Select's stand-in for "skip this column" (the mapping itself says null). */
export const SKIP = '__skip'

interface Option {
  value: string
  label: string
}

interface Group {
  label: string
  title: string
  options: Option[]
}

/** What a column can go to, grouped: skip, client fields, contact person, custom fields, classifiers. */
export function useTargetOptions(): { options: (Option | Group)[]; labelOf: (target: string) => string } {
  const { t } = useTranslation()
  const defs = useCustomFields('client')
  const classifiers = useClassifiers()
  const customLabel = useCustomFieldLabel()
  const classifierName = useClassifierName()
  return useMemo(() => {
    const field = (key: string) => ({ value: key, label: t(`imports.fields.${key}`) })
    const group = (title: string, options: Option[]): Group => ({ label: title, title, options })
    const options: (Option | Group)[] = [
      { value: SKIP, label: t('imports.mapping.skip') },
      group(t('imports.mapping.groups.client'), CLIENT_TARGETS.map(field)),
      group(t('imports.mapping.groups.contact'), CONTACT_TARGETS.map(field)),
    ]
    const custom = (defs.data ?? []).map((d) => ({ value: `custom.${d.key}`, label: customLabel(d) }))
    if (custom.length) options.push(group(t('imports.mapping.groups.custom'), custom))
    options.push(
      group(t('imports.mapping.groups.classifiers'), [
        field('classifier'),
        ...(classifiers.data ?? []).map((c) => ({ value: `classifier:${c.id}`, label: classifierName(c) })),
      ]),
    )
    const labels = new Map<string, string>()
    for (const o of options)
      for (const leaf of 'options' in o ? o.options : [o]) labels.set(leaf.value, leaf.label)
    return { options, labelOf: (target: string) => labels.get(target) ?? target }
  }, [t, defs.data, classifiers.data, customLabel, classifierName])
}
