import type { CustomField } from '@mmcrm/server/api-types'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Form, Select, Skeleton } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { clientKeys } from '../../clients/api/client-keys.ts'
import { COMPLETENESS_FIELD_LABELS } from '../../clients/components/client-labels.ts'
import { completenessKey, fetchCompleteness, saveCompleteness } from '../api/custom-fields-api.ts'
import { useCustomFieldLabel } from '../hooks/use-custom-fields.ts'

interface Values {
  organization: string[]
  person: string[]
}

/** Which fields count towards a dossier's completeness, for organizations and for individuals. */
export function CompletenessCard({ defs }: { defs: CustomField[] | undefined }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const fieldLabel = useCustomFieldLabel()
  const [showError, setShowError] = useState(true)
  const settings = useQuery({ queryKey: completenessKey, queryFn: fetchCompleteness })
  const save = useMutation({
    mutationFn: (values: Values) => saveCompleteness(values),
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      queryClient.setQueryData(completenessKey, saved)
      void queryClient.invalidateQueries({ queryKey: clientKeys.all })
      message.success(t('customFields.completeness.saved'))
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  const label = (field: string): string => {
    if (field.startsWith('custom.')) {
      const def = defs?.find((d) => d.key === field.slice(7))
      return def ? fieldLabel(def) : field.slice(7)
    }
    const key = COMPLETENESS_FIELD_LABELS[field]
    return key ? t(key) : field
  }
  const kindOptions = (kind: 'organization' | 'person') =>
    (settings.data?.available ?? [])
      .filter((field) => {
        if (!field.startsWith('custom.')) return true
        const def = defs?.find((d) => d.key === field.slice(7))
        return !def || def.appliesTo === 'all' || def.appliesTo === kind
      })
      .map((value) => ({ value, label: label(value) }))

  return (
    <Card title={t('customFields.completeness.title')} style={{ marginTop: 24 }}>
      {settings.error && !settings.data ? (
        <ErrorAlert error={settings.error} />
      ) : !settings.data ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          form={form}
          name="completeness"
          layout="vertical"
          initialValues={{ organization: settings.data.organization, person: settings.data.person }}
          disabled={save.isPending}
          onFinish={(values) => save.mutate(values)}
        >
          {save.error && showError && <ErrorAlert error={save.error} />}
          <Form.Item
            name="organization"
            label={t('customFields.completeness.organization')}
            extra={t('customFields.completeness.hint')}
          >
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={kindOptions('organization')}
            />
          </Form.Item>
          <Form.Item name="person" label={t('customFields.completeness.person')}>
            <Select mode="multiple" allowClear optionFilterProp="label" options={kindOptions('person')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  )
}
