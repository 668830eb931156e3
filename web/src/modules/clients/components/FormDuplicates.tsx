import { Form, type FormInstance } from 'antd'
import { useDuplicateCheck } from '../hooks/use-client-queries.ts'
import type { ChannelRow, ClientFormValues } from './client-form-values.ts'
import type { ClientKind } from './client-labels.ts'
import { DuplicatesAlert } from './DuplicatesAlert.tsx'

interface Props {
  form: FormInstance<ClientFormValues>
  kind: ClientKind
  excludeId?: number
}

const first = (channels: ChannelRow[] | undefined, type: ChannelRow['type']) =>
  channels?.find((c) => c.type === type && c.value?.trim())?.value.trim()

/** Warns, while the employee types, that the client may already be in the CRM. */
export function FormDuplicates({ form, kind, excludeId }: Props) {
  const values = Form.useWatch((v: ClientFormValues) => v, form)
  const name =
    kind === 'organization'
      ? values?.name
      : [values?.lastName, values?.firstName, values?.middleName].filter(Boolean).join(' ')
  const duplicates = useDuplicateCheck({
    name: name?.trim() || undefined,
    inn: values?.inn?.trim() || undefined,
    kpp: kind === 'organization' ? values?.kpp?.trim() || undefined : undefined,
    phone: first(values?.channels, 'phone'),
    email: first(values?.channels, 'email'),
    excludeId,
  })
  return <DuplicatesAlert duplicates={duplicates} />
}
