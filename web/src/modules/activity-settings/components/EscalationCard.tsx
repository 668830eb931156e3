import type { EscalationSettings } from '@mmcrm/server/api-types'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Flex, Form, InputNumber, Skeleton, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { activitySettingsKeys, fetchEscalation, saveEscalation } from '../api/activity-settings-api.ts'
import { durationText, joinMinutes, splitMinutes } from './duration-text.ts'

const MIN_MINUTES = 5
const MAX_MINUTES = 43_200

interface Values {
  enabled: boolean
  hours: number | null
  minutes: number | null
}

/** Administration: after how long an overdue activity or task is reported to the performer's team head. */
export function EscalationCard() {
  const { t } = useTranslation()
  const settings = useQuery({ queryKey: activitySettingsKeys.escalation, queryFn: fetchEscalation })
  return (
    <Card title={t('escalation.title')}>
      <Typography.Paragraph type="secondary">{t('escalation.intro')}</Typography.Paragraph>
      {settings.error && !settings.data && <ErrorAlert error={settings.error} />}
      {settings.data ? (
        <EscalationForm settings={settings.data} />
      ) : (
        !settings.error && <Skeleton active paragraph={{ rows: 2 }} />
      )}
    </Card>
  )
}

function EscalationForm({ settings }: { settings: EscalationSettings }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const enabled = Form.useWatch('enabled', form) ?? settings.enabled
  const hours = Form.useWatch('hours', form)
  const minutes = Form.useWatch('minutes', form)
  const total = hours === undefined ? settings.afterMinutes : joinMinutes(hours, minutes)

  const save = useMutation({
    mutationFn: (v: Values) =>
      saveEscalation({ enabled: Boolean(v.enabled), afterMinutes: joinMinutes(v.hours, v.minutes) }),
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      queryClient.setQueryData(activitySettingsKeys.escalation, saved)
      message.success(t('escalation.saved'))
    },
    onError: (error) =>
      setShowError(!applyFieldErrors(form, error, (path) => (path === 'enabled' ? 'enabled' : 'hours'))),
  })

  return (
    <Form<Values>
      form={form}
      name="escalation"
      layout="vertical"
      initialValues={{ enabled: settings.enabled, ...splitMinutes(settings.afterMinutes) }}
      disabled={save.isPending}
      onFinish={(values) => save.mutate(values)}
    >
      {save.error && showError && <ErrorAlert error={save.error} />}
      <Form.Item style={{ marginBottom: 16 }}>
        <Flex gap={8} align="center">
          <Form.Item name="enabled" valuePropName="checked" noStyle>
            <Switch />
          </Form.Item>
          <label htmlFor="escalation_enabled">{t('escalation.enabled')}</label>
        </Flex>
      </Form.Item>
      <Form.Item
        label={t('escalation.after')}
        required
        extra={t('escalation.range')}
        style={{ marginBottom: 12 }}
      >
        <Flex gap={8} wrap>
          <Form.Item
            name="hours"
            noStyle
            rules={[
              {
                validator: () => {
                  const value = joinMinutes(form.getFieldValue('hours'), form.getFieldValue('minutes'))
                  return value >= MIN_MINUTES && value <= MAX_MINUTES
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('escalation.rangeError')))
                },
              },
            ]}
          >
            <InputNumber
              min={0}
              max={720}
              precision={0}
              disabled={!enabled}
              aria-label={t('escalation.hoursLabel')}
              suffix={t('escalation.hours')}
              style={{ width: 130 }}
            />
          </Form.Item>
          <Form.Item name="minutes" noStyle>
            <InputNumber
              min={0}
              max={59}
              precision={0}
              disabled={!enabled}
              aria-label={t('escalation.minutesLabel')}
              suffix={t('escalation.minutes')}
              style={{ width: 130 }}
              onChange={() => void form.validateFields(['hours']).catch(() => undefined)}
            />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {enabled && total >= MIN_MINUTES && total <= MAX_MINUTES
          ? t('escalation.summary', { duration: durationText(total, i18n.language) })
          : !enabled && t('escalation.off')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  )
}
