import type { ClientCard, ClientSaved, CustomField } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Divider, Flex, Form, Input, Typography } from 'antd'
import { type ReactNode, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth, useMe } from '../../../app/auth/auth-context.ts'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { CustomFieldItems } from '../../custom-fields/components/CustomFieldItems.tsx'
import { fieldsForKind } from '../../custom-fields/hooks/use-custom-fields.ts'
import { clientKeys } from '../api/client-keys.ts'
import { createClient, updateClient } from '../api/clients-api.ts'
import { BankAccountsList } from './BankAccountsList.tsx'
import { ChannelsList } from './ChannelsList.tsx'
import {
  type ClientFormValues,
  createBody,
  emptyFormValues,
  fieldNameOf,
  formValuesOf,
  requisitesOf,
  updatePatch,
} from './client-form-values.ts'
import type { ClientKind } from './client-labels.ts'
import { FormDuplicates } from './FormDuplicates.tsx'
import {
  OrganizationAddresses,
  OrganizationMainFields,
  OrganizationRequisites,
} from './OrganizationFields.tsx'
import { OwnerFields } from './OwnerFields.tsx'
import { PersonFields } from './PersonFields.tsx'

interface Props {
  kind: ClientKind
  /** The client being changed; none when adding one. */
  client?: ClientCard
  defs: CustomField[] | undefined
  onSaved: (saved: ClientSaved) => void
  onCancel: () => void
  /** Offered when the client changed meanwhile (412): fetch it again; the form starts over from it. */
  onReload?: () => void
}

const ORGANIZATION_FIELDS = [
  'name',
  'fullName',
  'legalForm',
  'inn',
  'legalAddress',
  'postalAddress',
  'website',
  'industry',
  'size',
  'source',
  'description',
  'channels',
  'bankAccounts',
]
const PERSON_FIELDS = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'inn',
  'legalAddress',
  'source',
  'description',
  'channels',
]

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 8 }}>
        <Typography.Text strong>{title}</Typography.Text>
      </Divider>
      {children}
    </>
  )
}

/** Adding or changing a client: an organization's or a person's fields, contacts, custom fields, owner. */
export function ClientForm({ kind, client, defs, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation()
  const me = useMe()
  const { can } = useAuth()
  const canReassign = can('clients.reassign')
  const [form] = Form.useForm<ClientFormValues>()
  const queryClient = useQueryClient()
  const kindDefs = fieldsForKind(defs, kind)
  const [showError, setShowError] = useState(true)
  const [unshown, setUnshown] = useState<string[]>([])

  const initialValues = useMemo(
    () => (client ? formValuesOf(client, defs) : emptyFormValues(kind, defs, me.id)),
    [client, defs, kind, me.id],
  )

  const mutation = useMutation({
    mutationFn: async (values: ClientFormValues): Promise<ClientSaved> => {
      if (!client) return createClient(createBody(kind, values, defs, canReassign))
      const patch = updatePatch(client, values, defs, canReassign)
      return Object.keys(patch).length
        ? updateClient(client.id, client.version, patch)
        : { ...client, duplicates: [] }
    },
    onMutate: () => {
      setShowError(true)
      setUnshown([])
    },
    onSuccess: (saved) => {
      const { duplicates: _duplicates, ...card } = saved
      queryClient.setQueryData(clientKeys.one(saved.id), card)
      void queryClient.invalidateQueries({ queryKey: ['clients', 'list'] })
      void queryClient.invalidateQueries({ queryKey: clientKeys.history(saved.id) })
      onSaved(saved)
    },
    onError: (error) => {
      const r = requisitesOf(form.getFieldValue('legalForm'))
      const shown = new Set(kind === 'organization' ? ORGANIZATION_FIELDS : PERSON_FIELDS)
      if (kind === 'organization' && r.hasKpp) shown.add('kpp')
      if (kind === 'organization' && r.hasOgrn) shown.add('ogrn')
      if (canReassign) {
        shown.add('ownerId')
        shown.add('teamId')
      }
      const customKeys = new Set(kindDefs.map((d) => d.key))
      let left: string[] = []
      const allShown = applyFieldErrors(
        form,
        error,
        (path) => fieldNameOf(path, shown, customKeys),
        (messages) => {
          left = messages
        },
      )
      setUnshown(left)
      setShowError(!allShown && left.length === 0)
      const first = form.getFieldsError().find((f) => f.errors.length)
      if (first) form.scrollToField(first.name, { block: 'center' })
    },
  })

  return (
    <Form<ClientFormValues>
      form={form}
      name="client"
      layout="vertical"
      initialValues={initialValues}
      disabled={mutation.isPending}
      scrollToFirstError={{ block: 'center' }}
      onFinish={(values) => mutation.mutate(values)}
      style={{ maxWidth: 920 }}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} onReload={onReload} />}
      {unshown.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={mutation.error?.message || t('errors.generic')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {unshown.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          }
        />
      )}
      <FormDuplicates form={form} kind={kind} excludeId={client?.id} />
      {kind === 'organization' ? (
        <>
          <Section title={t('clients.sections.main')}>
            <OrganizationMainFields />
          </Section>
          <Section title={t('clients.sections.requisites')}>
            <OrganizationRequisites />
          </Section>
          <Section title={t('clients.sections.addresses')}>
            <OrganizationAddresses />
          </Section>
        </>
      ) : (
        <Section title={t('clients.sections.main')}>
          <PersonFields />
        </Section>
      )}
      <Section title={t('clients.sections.contacts')}>
        <ChannelsList />
      </Section>
      {kind === 'organization' && (
        <Section title={t('clients.sections.bankAccounts')}>
          <BankAccountsList />
        </Section>
      )}
      {kindDefs.length > 0 && (
        <Section title={t('customFields.title')}>
          <CustomFieldItems defs={kindDefs} />
        </Section>
      )}
      <Section title={t('clients.sections.more')}>
        <Form.Item name="source" label={t('clients.fields.source')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('clients.fields.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} />
        </Form.Item>
        <OwnerFields
          form={form}
          canReassign={canReassign}
          ownerName={client ? (client.owner?.name ?? null) : me.name}
        />
      </Section>
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {client ? t('common.save') : t('clients.create')}
        </Button>
        <Button onClick={onCancel} disabled={false}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Form>
  )
}
