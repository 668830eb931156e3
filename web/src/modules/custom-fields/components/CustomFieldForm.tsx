import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type {
  CustomField,
  CustomFieldCreate,
  CustomFieldType,
  CustomFieldUpdate,
} from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Checkbox, Col, Flex, Form, Input, Row, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors, type FieldName } from '../../../ui/apply-field-errors.ts'
import { changedFields } from '../../../ui/changed-fields.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { clientKeys } from '../../clients/api/client-keys.ts'
import {
  completenessKey,
  createCustomField,
  customFieldKeys,
  updateCustomField,
} from '../api/custom-fields-api.ts'

export const FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'boolean',
  'select',
  'multiselect',
  'link',
] as const satisfies readonly CustomFieldType[]
export const APPLIES_TO = [
  'all',
  'organization',
  'person',
] as const satisfies readonly CustomField['appliesTo'][]
const OPTION_TYPES: readonly CustomFieldType[] = ['select', 'multiselect']

interface OptionRow {
  value: string
  labelRu?: string
  labelEn?: string
}

interface Values {
  key: string
  labelRu?: string
  labelEn?: string
  type: CustomFieldType
  appliesTo: CustomField['appliesTo']
  options?: OptionRow[]
  isRequired?: boolean
  inList?: boolean
}

interface Props {
  field?: CustomField
  onSaved: (field: CustomField) => void
  onReload?: () => void
}

function fieldOf(path: string): FieldName | null {
  const [head = '', index, sub] = path.split('.')
  if (head === 'options') {
    const i = Number(index)
    return Number.isInteger(i) ? ['options', i, sub ?? 'value'] : 'options'
  }
  return ['key', 'labelRu', 'labelEn', 'type', 'appliesTo', 'isRequired', 'inList'].includes(head)
    ? head
    : null
}

/** A custom field of clients: key and type (fixed once created), labels, who it applies to, options. */
export function CustomFieldForm({ field, onSaved, onReload }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const [showError, setShowError] = useState(true)
  const type = Form.useWatch('type', form) ?? field?.type

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<CustomField> => {
      const options = OPTION_TYPES.includes(v.type)
        ? (v.options ?? []).map((o) => ({
            value: o.value.trim(),
            labelRu: o.labelRu?.trim() ?? '',
            labelEn: o.labelEn?.trim() ?? '',
          }))
        : undefined
      const common = {
        labelRu: v.labelRu?.trim() ?? '',
        labelEn: v.labelEn?.trim() ?? '',
        appliesTo: v.appliesTo,
        isRequired: Boolean(v.isRequired),
        inList: Boolean(v.inList),
        ...(options ? { options } : {}),
      }
      if (!field) {
        const body: CustomFieldCreate = { entity: 'client', key: v.key.trim(), type: v.type, ...common }
        return createCustomField(body)
      }
      const current = {
        ...field,
        options: field.options.map(({ value, labelRu, labelEn }) => ({ value, labelRu, labelEn })),
      }
      const patch = changedFields<CustomFieldUpdate>(current, common)
      return Object.keys(patch).length ? updateCustomField(field.id, field.version, patch) : field
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      onSaved(saved)
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error, fieldOf)),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: customFieldKeys.all })
      void queryClient.invalidateQueries({ queryKey: completenessKey })
      void queryClient.invalidateQueries({ queryKey: clientKeys.all })
    },
  })

  return (
    <Form<Values>
      form={form}
      name="customField"
      layout="vertical"
      initialValues={
        field
          ? {
              key: field.key,
              labelRu: field.labelRu,
              labelEn: field.labelEn,
              type: field.type,
              appliesTo: field.appliesTo,
              options: field.options.map(({ value, labelRu, labelEn }) => ({ value, labelRu, labelEn })),
              isRequired: field.isRequired,
              inList: field.inList,
            }
          : { type: 'text', appliesTo: 'all', options: [], isRequired: false, inList: false }
      }
      disabled={mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} onReload={onReload} />}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="labelRu"
            label={t('customFields.admin.fields.labelRu')}
            rules={[{ whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="labelEn" label={t('customFields.admin.fields.labelEn')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="key"
            label={t('customFields.admin.fields.key')}
            extra={field ? t('customFields.admin.hints.keyFixed') : t('customFields.admin.hints.key')}
            rules={[
              { required: true },
              { pattern: /^[a-z][a-z0-9_]{1,63}$/, message: t('customFields.admin.hints.key') },
            ]}
          >
            <Input maxLength={64} disabled={Boolean(field)} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="type"
            label={t('customFields.admin.fields.type')}
            extra={field ? t('customFields.admin.hints.typeFixed') : undefined}
            rules={[{ required: true }]}
          >
            <Select<CustomFieldType>
              disabled={Boolean(field)}
              options={FIELD_TYPES.map((value) => ({ value, label: t(`customFields.admin.types.${value}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="appliesTo"
        label={t('customFields.admin.fields.appliesTo')}
        rules={[{ required: true }]}
      >
        <Select options={APPLIES_TO.map((value) => ({ value, label: t(`clients.kinds.${value}`) }))} />
      </Form.Item>
      <Flex gap={24} wrap>
        <Form.Item name="isRequired" valuePropName="checked">
          <Checkbox>{t('customFields.admin.fields.isRequired')}</Checkbox>
        </Form.Item>
        <Form.Item name="inList" valuePropName="checked">
          <Checkbox>{t('customFields.admin.fields.inList')}</Checkbox>
        </Form.Item>
      </Flex>
      {type && OPTION_TYPES.includes(type) && (
        <Form.Item label={t('customFields.admin.fields.options')} required>
          <Form.List name="options">
            {(rows, { add, remove }, { errors }) => (
              <>
                {rows.map((row) => (
                  <Row key={row.key} gutter={8} align="top">
                    <Col xs={24} sm={7}>
                      <Form.Item name={[row.name, 'value']} rules={[{ required: true, whitespace: true }]}>
                        <Input
                          aria-label={t('customFields.admin.fields.optionValue')}
                          placeholder={t('customFields.admin.fields.optionValue')}
                          maxLength={100}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={7}>
                      <Form.Item name={[row.name, 'labelRu']}>
                        <Input
                          aria-label={t('customFields.admin.fields.labelRu')}
                          placeholder={t('customFields.admin.fields.labelRu')}
                          maxLength={200}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={10} sm={7}>
                      <Form.Item name={[row.name, 'labelEn']}>
                        <Input
                          aria-label={t('customFields.admin.fields.labelEn')}
                          placeholder={t('customFields.admin.fields.labelEn')}
                          maxLength={200}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={2} sm={3}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={() => remove(row.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({ value: '', labelRu: '', labelEn: '' })}>
                  {t('customFields.admin.addOption')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  )
}
