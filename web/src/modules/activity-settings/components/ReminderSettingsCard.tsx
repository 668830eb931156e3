import type { ActivityType, ReminderSettings } from '@mmcrm/server/api-types'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Row, Skeleton, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors, type FieldName } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import {
  activitySettingsKeys,
  fetchReminderSettings,
  saveReminderSettings,
} from '../api/activity-settings-api.ts'
import { useActivityTypes, useLocalName } from '../hooks/use-activity-types.ts'
import { EmailChannelNotice } from './EmailChannelNotice.tsx'
import { OffsetsSelect } from './OffsetsSelect.tsx'
import { offsetsText } from './reminder-offsets.ts'
import {
  REMINDER_CHANNELS,
  type ReminderFormValues,
  reminderFormValues,
  reminderSettingsOf,
  reminderTypes,
} from './reminder-values.ts'
import { ColorSwatch } from './TypeColorInput.tsx'

/** A server path (`byType.meeting.0`, `task.1`) → the form field showing it. */
function fieldOf(path: string): FieldName | null {
  const [head = '', code] = path.split('.')
  if (head === 'byType') return code ? ['byType', code, 'offsets'] : null
  return ['channels', 'activity', 'task'].includes(head) ? head : null
}

/** My reminder defaults: for activities in general, per activity type, for tasks; and where they come. */
export function ReminderSettingsCard() {
  const { t } = useTranslation()
  const settings = useQuery({ queryKey: activitySettingsKeys.reminders, queryFn: fetchReminderSettings })
  const types = useActivityTypes()
  const error = (!settings.data && settings.error) || (!types.data && types.error)
  return (
    <Card title={t('reminderSettings.title')}>
      <Typography.Paragraph type="secondary">{t('reminderSettings.intro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} />}
      {settings.data && types.data ? (
        <ReminderSettingsForm settings={settings.data} types={reminderTypes(types.data)} />
      ) : (
        !error && <Skeleton active />
      )}
    </Card>
  )
}

function ReminderSettingsForm({ settings, types }: { settings: ReminderSettings; types: ActivityType[] }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<ReminderFormValues>()
  const [showError, setShowError] = useState(true)
  const initial = reminderFormValues(settings, types)
  const channels = Form.useWatch('channels', form) ?? initial.channels
  const activity = Form.useWatch('activity', form) ?? initial.activity

  const save = useMutation({
    mutationFn: (values: ReminderFormValues) =>
      saveReminderSettings(
        reminderSettingsOf(
          values,
          settings,
          types.map((type) => type.code),
        ),
      ),
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      queryClient.setQueryData(activitySettingsKeys.reminders, saved)
      message.success(t('reminderSettings.saved'))
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error, fieldOf)),
  })

  return (
    <Form<ReminderFormValues>
      form={form}
      name="reminderSettings"
      layout="vertical"
      initialValues={initial}
      disabled={save.isPending}
      onFinish={(values) => save.mutate(values)}
    >
      {save.error && showError && <ErrorAlert error={save.error} />}
      <Form.Item name="channels" label={t('reminderSettings.channels')}>
        <Checkbox.Group
          options={REMINDER_CHANNELS.map((value) => ({
            value,
            label: t(`reminderSettings.channel.${value}`),
          }))}
        />
      </Form.Item>
      {channels.includes('email') && <EmailChannelNotice />}
      {channels.length === 0 && (
        <Alert type="info" showIcon title={t('reminderSettings.noChannels')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="activity"
            label={t('reminderSettings.activity')}
            extra={t('reminderSettings.activityHint')}
          >
            <OffsetsSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="task" label={t('reminderSettings.task')} extra={t('reminderSettings.taskHint')}>
            <OffsetsSelect />
          </Form.Item>
        </Col>
      </Row>
      {types.length > 0 && (
        <Form.Item label={t('reminderSettings.byType')} extra={t('reminderSettings.byTypeHint')}>
          <Flex vertical gap={8}>
            {types.map((type) => (
              <TypeRow key={type.code} type={type} defaults={activity} />
            ))}
          </Flex>
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  )
}

/** One type: its own offsets, or the general default for activities (said in words). */
function TypeRow({ type, defaults }: { type: ActivityType; defaults: number[] }) {
  const { t } = useTranslation()
  const form = Form.useFormInstance<ReminderFormValues>()
  const localName = useLocalName()
  const own = Form.useWatch(['byType', type.code, 'own'], form)
  const switchId = `reminderSettings_byType_${type.code}_own`
  return (
    <Flex gap={12} align="center" style={{ minHeight: 32 }}>
      <Flex gap={8} align="center" style={{ width: 150, flex: 'none' }}>
        <ColorSwatch color={type.color} />
        <Typography.Text ellipsis>{localName(type)}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center" style={{ flex: 'none' }}>
        <Form.Item name={['byType', type.code, 'own']} valuePropName="checked" noStyle>
          <Switch size="small" id={switchId} />
        </Form.Item>
        <label htmlFor={switchId}>{t('reminderSettings.own')}</label>
      </Flex>
      <div style={{ flex: 1, minWidth: 0 }}>
        {own ? (
          <Form.Item name={['byType', type.code, 'offsets']} noStyle>
            <OffsetsSelect aria-label={localName(type)} style={{ width: '100%', minWidth: 0 }} />
          </Form.Item>
        ) : (
          <Typography.Text type="secondary">
            {t('reminderSettings.asDefault', { offsets: offsetsText(defaults, t) })}
          </Typography.Text>
        )}
      </div>
    </Flex>
  )
}
