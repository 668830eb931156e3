import type { ActivityType, ActivityTypeCreate, ActivityTypeUpdate } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Row, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { changedFields } from '../../../ui/changed-fields.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { activitySettingsKeys, createActivityType, updateActivityType } from '../api/activity-settings-api.ts'
import { OutcomesEditor } from './OutcomesEditor.tsx'
import {
  type OutcomeRow,
  outcomeRows,
  outcomesChanged,
  outcomesPayload,
  typeFieldOf,
} from './outcome-rows.ts'
import { TYPE_COLORS, TypeColorInput } from './TypeColorInput.tsx'

interface Values {
  code: string
  nameRu: string
  nameEn: string
  color: string
  hasDirection: boolean
  defaultDurationMin: number | null
  isActive: boolean
  outcomes: OutcomeRow[]
}

interface Props {
  type?: ActivityType
  /** Shown above the form: the type changed meanwhile and the form now holds its current data. */
  staleNotice?: boolean
  /** The type changed meanwhile (412): the page reloads it and shows the form again. */
  onStale: () => void
  onSaved: (type: ActivityType) => void
}

function initialValues(type: ActivityType | undefined): Values {
  if (!type)
    return {
      code: '',
      nameRu: '',
      nameEn: '',
      color: TYPE_COLORS[0]!,
      hasDirection: false,
      defaultDurationMin: 30,
      isActive: true,
      outcomes: [],
    }
  const { code, nameRu, nameEn, color, hasDirection, defaultDurationMin, isActive } = type
  return {
    code,
    nameRu,
    nameEn,
    color,
    hasDirection,
    defaultDurationMin,
    isActive,
    outcomes: outcomeRows(type),
  }
}

/** Adds or changes an activity type: names, colour, direction, default duration and its outcomes. */
export function ActivityTypeForm({ type, staleNotice, onStale, onSaved }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const [showError, setShowError] = useState(true)

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<ActivityType> => {
      const outcomes = outcomesPayload(v.outcomes ?? [])
      const common = {
        nameRu: v.nameRu.trim(),
        nameEn: v.nameEn.trim(),
        color: v.color,
        hasDirection: Boolean(v.hasDirection),
        defaultDurationMin: v.defaultDurationMin ?? 0,
      }
      if (!type) {
        const body: ActivityTypeCreate = { code: v.code.trim(), ...common, outcomes }
        return createActivityType(body)
      }
      const patch = changedFields<ActivityTypeUpdate>(type, { ...common, isActive: Boolean(v.isActive) })
      if (outcomesChanged(type.outcomes, outcomes)) patch.outcomes = outcomes
      return Object.keys(patch).length ? updateActivityType(type.id, type.version, patch) : type
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => onSaved(saved),
    onError: (error) => {
      if (isApiError(error) && error.code === 'precondition_failed') onStale()
      else setShowError(!applyFieldErrors(form, error, typeFieldOf))
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: activitySettingsKeys.types }),
  })

  return (
    <Form<Values>
      form={form}
      name="activityType"
      layout="vertical"
      initialValues={initialValues(type)}
      disabled={mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {staleNotice && (
        <Alert
          type="warning"
          showIcon
          title={t('activityTypes.staleTitle')}
          description={t('activityTypes.staleForm')}
          style={{ marginBottom: 16 }}
        />
      )}
      {mutation.error && showError && <ErrorAlert error={mutation.error} />}
      {type?.isSystem && (
        <Typography.Paragraph type="secondary">{t('activityTypes.builtInHint')}</Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="nameRu"
            label={t('activityTypes.fields.nameRu')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="nameEn"
            label={t('activityTypes.fields.nameEn')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="code"
            label={t('activityTypes.fields.code')}
            extra={type ? t('activityTypes.hints.codeFixed') : t('activityTypes.hints.code')}
            rules={[
              { required: true },
              { pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('activityTypes.hints.code') },
            ]}
          >
            <Input maxLength={32} disabled={Boolean(type)} autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="color" label={t('activityTypes.fields.color')} rules={[{ required: true }]}>
            <TypeColorInput />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            name="defaultDurationMin"
            label={t('activityTypes.fields.defaultDuration')}
            tooltip={t('activityTypes.hints.duration')}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={0}
              max={1440}
              step={5}
              precision={0}
              suffix={t('activityTypes.minutesSuffix')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="hasDirection"
        valuePropName="checked"
        extra={t('activityTypes.hints.hasDirection')}
        style={{ marginBottom: 12 }}
      >
        <Checkbox>{t('activityTypes.fields.hasDirection')}</Checkbox>
      </Form.Item>
      {type && (
        <Form.Item
          name="isActive"
          valuePropName="checked"
          extra={t('activityTypes.hints.isActive')}
          style={{ marginBottom: 12 }}
        >
          <Checkbox>{t('activityTypes.fields.isActive')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item label={t('activityTypes.fields.outcomes')} extra={t('activityTypes.hints.outcomes')}>
        <OutcomesEditor />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  )
}
