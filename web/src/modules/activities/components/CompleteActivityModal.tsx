import type { Activity, ActivityCompleted, ActivityType } from '@mmcrm/server/api-types'
import { useMutation } from '@tanstack/react-query'
import {
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldName } from '../../../ui/apply-field-errors.ts'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import { completeActivity } from '../api/activities-api.ts'
import { useActivityTypes, useTypeName } from '../hooks/use-activity-types.ts'
import { useRefreshOrganizer } from '../hooks/use-organizer-actions.ts'
import { proposeNextStart } from '../logic/next-proposal.ts'
import { isoFromWall, wallNow } from '../logic/wall-time.ts'
import { OutcomeInput } from './OutcomeInput.tsx'
import { TypeBadge, TypeDot } from './TypeBadge.tsx'

export interface CompleteActivityModalProps {
  /** The planned activity to complete; null: closed. */
  activity: Activity | null
  onClose(): void
  onDone?(r: ActivityCompleted): void
}

interface Values {
  outcomeId: number | null
  result: string
  doneAt: Dayjs
  planNext: boolean
  nextTypeId?: number
  nextStartsAt: Dayjs
  nextTitle: string
}

const WALL = 'DD.MM.YYYY HH:mm'

const FIELDS: Record<string, FieldName> = {
  outcomeId: 'outcomeId',
  result: 'result',
  doneAt: 'doneAt',
  'next.typeId': 'nextTypeId',
  'next.startsAt': 'nextStartsAt',
  'next.title': 'nextTitle',
}

/**
 * Completes a planned activity: its outcome and notes on the result, and in the same step the next
 * activity with the client (on by default: the same type, the next working day at the same time).
 */
export function CompleteActivityModal({ activity, onClose, onDone }: CompleteActivityModalProps) {
  const { t } = useTranslation()
  return (
    <Modal
      open={activity !== null}
      title={t('activities.complete.title')}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
    >
      {activity && <CompleteForm activity={activity} onClose={onClose} onDone={onDone} />}
    </Modal>
  )
}

function CompleteForm({
  activity,
  onClose,
  onDone,
}: { activity: Activity } & Omit<CompleteActivityModalProps, 'activity'>) {
  const types = useActivityTypes()
  if (types.error) return <ErrorAlert error={types.error} />
  if (!types.data) return <Skeleton active />
  return <CompleteFormBody activity={activity} types={types.data} onClose={onClose} onDone={onDone} />
}

function CompleteFormBody({
  activity,
  types,
  onClose,
  onDone,
}: { activity: Activity; types: ActivityType[] } & Omit<CompleteActivityModalProps, 'activity'>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const { timeZone } = format
  const typeName = useTypeName()
  const refresh = useRefreshOrganizer()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)
  const type = types.find((x) => x.id === activity.type.id)
  const active = types.filter((x) => x.isActive)
  const [initial] = useState<Values>(() => ({
    outcomeId: null,
    result: '',
    doneAt: wallNow(timeZone).second(0).millisecond(0),
    planNext: true,
    nextTypeId: (active.find((x) => x.id === activity.type.id) ?? active[0])?.id,
    nextStartsAt: proposeNextStart(activity.startsAt, timeZone),
    nextTitle: '',
  }))
  const planNext = Form.useWatch('planNext', form) ?? initial.planNext

  const complete = useMutation({
    mutationFn: (values: Values) =>
      completeActivity(activity.id, activity.version, {
        outcomeId: values.outcomeId ?? null,
        result: values.result,
        doneAt: form.isFieldTouched('doneAt') ? isoFromWall(values.doneAt, timeZone) : undefined,
        next:
          values.planNext && values.nextTypeId
            ? {
                typeId: values.nextTypeId,
                startsAt: isoFromWall(values.nextStartsAt, timeZone),
                title: values.nextTitle.trim(),
              }
            : undefined,
      }),
    onMutate: () => setShowError(true),
    onSuccess: (r) => {
      message.success(
        r.next
          ? t('activities.complete.doneWithNext', { when: format.dateTime(r.next.startsAt) })
          : t('activities.complete.done'),
      )
      void refresh()
      onDone?.(r)
      onClose()
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error, (path) => FIELDS[path] ?? null)),
  })

  return (
    <Form<Values>
      form={form}
      name="complete-activity"
      layout="vertical"
      initialValues={initial}
      disabled={complete.isPending}
      onFinish={(values) => complete.mutate(values)}
    >
      {complete.error && showError && <ErrorAlert error={complete.error} />}
      <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
        <TypeBadge activity={activity} />
        <Typography.Text strong>{activity.title || activity.type.name}</Typography.Text>
        <Typography.Text type="secondary">
          {[format.dateTime(activity.startsAt), activity.client?.name].filter(Boolean).join(' · ')}
        </Typography.Text>
      </Flex>
      <Form.Item name="outcomeId" label={t('activities.fields.outcome')}>
        <OutcomeInput outcomes={type?.outcomes ?? []} />
      </Form.Item>
      <Form.Item name="result" label={t('activities.fields.result')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={20_000}
          placeholder={t('activities.complete.resultPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="doneAt" label={t('activities.fields.tookPlaceAt')}>
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={WALL} allowClear={false} />
      </Form.Item>
      <Divider style={{ margin: '8px 0 16px' }} />
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Form.Item name="planNext" valuePropName="checked" noStyle>
          <Switch id="complete-plan-next" />
        </Form.Item>
        <label htmlFor="complete-plan-next">
          <Typography.Text strong>{t('activities.complete.planNext')}</Typography.Text>
        </label>
      </Flex>
      {planNext && (
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="nextTypeId" label={t('activities.fields.type')} rules={[{ required: true }]}>
              <Select<number>
                showSearch={{ optionFilterProp: 'title' }}
                options={active.map((x) => ({
                  value: x.id,
                  title: typeName(x),
                  label: (
                    <Flex gap={8} align="center">
                      <TypeDot color={x.color} />
                      {typeName(x)}
                    </Flex>
                  ),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="nextStartsAt"
              label={t('activities.fields.startsAt')}
              extra={t('activities.complete.nextHint')}
              rules={[{ required: true }]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format={WALL}
                allowClear={false}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="nextTitle" label={t('activities.fields.title')}>
              <Input maxLength={300} placeholder={activity.title || undefined} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onClose} disabled={false}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={complete.isPending} data-testid="complete-submit">
          {t('activities.complete.submit')}
        </Button>
      </Flex>
    </Form>
  )
}
