import { RetweetOutlined } from '@ant-design/icons'
import type { Activity, ActivityType } from '@mmcrm/server/api-types'
import { useMutation, useQuery } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Segmented,
  Select,
  Skeleton,
  Typography,
} from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../../app/auth/auth-context.ts'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import { contactKeys, fetchClientContacts } from '../../contacts/api/contacts-api.ts'
import { createActivity, type EditScope, updateActivity } from '../api/activities-api.ts'
import { useActivityTypes, useReminderSettings, useTypeName } from '../hooks/use-activity-types.ts'
import { useRefreshOrganizer } from '../hooks/use-organizer-actions.ts'
import { wallNow } from '../logic/wall-time.ts'
import {
  type ActivityFormDefaults,
  type ActivityFormValues,
  activityCreateBody,
  activityErrorField,
  activityPatch,
  defaultActivityReminders,
  initialActivityValues,
  startForStatus,
} from './activity-form-values.ts'
import { ClientPicker } from './ClientPicker.tsx'
import { OutcomeInput } from './OutcomeInput.tsx'
import { PerformerSelect } from './PerformerSelect.tsx'
import { ReminderSelect } from './ReminderSelect.tsx'
import { RepeatInput } from './RepeatInput.tsx'
import { ScopeModal } from './ScopeModal.tsx'
import { TypeDot } from './TypeBadge.tsx'

export type { ActivityFormDefaults }

export interface ActivityFormModalProps {
  open: boolean
  onClose(): void
  onSaved?(a: Activity): void
  /** The activity to change; without it the form plans (or logs) a new one. */
  activity?: Activity
  defaults?: ActivityFormDefaults
}

const WALL = 'DD.MM.YYYY HH:mm'

/**
 * Plans an activity (optionally recurring, with reminders) or logs one that took place with its outcome;
 * with `activity`, changes it (for an occurrence of a series: it alone or the series from it on).
 */
export function ActivityFormModal({ open, onClose, onSaved, activity, defaults }: ActivityFormModalProps) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<'planned' | 'done'>(defaults?.status ?? 'planned')
  useEffect(() => {
    if (open)
      setStatus(
        activity ? (activity.status === 'done' ? 'done' : 'planned') : (defaults?.status ?? 'planned'),
      )
  }, [open, activity, defaults?.status])
  const title = activity
    ? t('activities.form.editTitle')
    : status === 'done'
      ? t('activities.form.logTitle')
      : t('activities.form.planTitle')
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      {open && (
        <ActivityForm
          activity={activity}
          defaults={defaults}
          onClose={onClose}
          onSaved={onSaved}
          onStatusChange={setStatus}
        />
      )}
    </Modal>
  )
}

interface FormProps {
  activity?: Activity
  defaults?: ActivityFormDefaults
  onClose(): void
  onSaved?(a: Activity): void
  onStatusChange(status: 'planned' | 'done'): void
}

function ActivityForm(props: FormProps) {
  const types = useActivityTypes()
  if (types.error) return <ErrorAlert error={types.error} />
  if (!types.data) return <Skeleton active />
  return <ActivityFormBody {...props} types={types.data} />
}

function ActivityFormBody({
  activity,
  defaults,
  onClose,
  onSaved,
  onStatusChange,
  types,
}: FormProps & { types: ActivityType[] }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const me = useMe()
  const { timeZone } = useFormat()
  const typeName = useTypeName()
  const refresh = useRefreshOrganizer()
  const editing = activity !== undefined
  const settings = useReminderSettings(!editing)
  const [form] = Form.useForm<ActivityFormValues>()
  const [showError, setShowError] = useState(true)
  const [askScope, setAskScope] = useState<ActivityFormValues | null>(null)
  // Fields the employee changed themselves (antd counts values set by code as touched too).
  const edited = useRef(new Set<string>())
  // The form starts once, from what it was opened with.
  const [initial] = useState(() =>
    initialActivityValues({ activity, defaults, types, meId: me.id, timeZone }),
  )
  const status = Form.useWatch('status', form) ?? initial.status
  const typeId = Form.useWatch('typeId', form) ?? initial.typeId
  const clientId = Form.useWatch('clientId', form) ?? initial.clientId
  const startsAt = Form.useWatch('startsAt', form) ?? initial.startsAt
  const type = types.find((x) => x.id === typeId)
  const fixedSubject = activity
    ? {
        type: activity.subject.type,
        id: activity.subject.id,
        title: activity.client?.name ?? activity.subject.title,
      }
    : defaults?.subjectId
      ? { type: defaults.subjectType ?? 'client', id: defaults.subjectId, title: defaults.clientName ?? '' }
      : null
  const contactClient = fixedSubject ? (fixedSubject.type === 'client' ? fixedSubject.id : null) : clientId
  const contacts = useQuery({
    queryKey: contactKeys.ofClient(contactClient ?? 0),
    queryFn: () => fetchClientContacts(contactClient ?? 0),
    enabled: contactClient !== null,
  })
  const contactOptions = (contacts.data ?? []).map((c) => ({
    value: c.id,
    label: c.position ? `${c.name} · ${c.position}` : c.name,
  }))
  if (activity?.contact && !contactOptions.some((o) => o.value === activity.contact?.id))
    contactOptions.unshift({ value: activity.contact.id, label: activity.contact.name })

  // Until the employee picks reminders, the form shows their defaults for the type.
  const defaultReminders = defaultActivityReminders(settings.data, type)
  const defaultKey = defaultReminders.join(',')
  useEffect(() => {
    if (!editing && !edited.current.has('reminders'))
      form.setFieldValue('reminders', defaultKey ? defaultKey.split(',').map(Number) : [])
  }, [editing, form, defaultKey])

  const save = useMutation({
    mutationFn: ({ values, scope }: { values: ActivityFormValues; scope?: EditScope }) => {
      const remindersChosen = edited.current.has('reminders')
      if (activity)
        return updateActivity(activity.id, activity.version, {
          ...activityPatch(activity, values, { type, timeZone, remindersChosen }),
          scope: scope ?? 'occurrence',
        })
      const subject = fixedSubject ?? { type: 'client', id: values.clientId ?? 0 }
      if (!type) throw new Error('no type')
      return createActivity(activityCreateBody(values, { subject, type, timeZone, remindersChosen }))
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      message.success(
        t(
          editing ? 'activities.saved' : saved.status === 'done' ? 'activities.logged' : 'activities.planned',
        ),
      )
      void refresh()
      onSaved?.(saved)
      onClose()
    },
    onError: (error) => {
      setAskScope(null)
      setShowError(!applyFieldErrors(form, error, activityErrorField))
    },
  })

  const submit = (values: ActivityFormValues) => {
    if (activity) {
      const patch = activityPatch(activity, values, {
        type,
        timeZone,
        remindersChosen: edited.current.has('reminders'),
      })
      if (Object.keys(patch).length === 0) {
        onClose()
        return
      }
      if (activity.recurrence && activity.status === 'planned') {
        setAskScope(values)
        return
      }
    }
    save.mutate({ values })
  }

  const typeOptions = types
    .filter((x) => x.isActive || x.id === activity?.type.id)
    .map((x) => ({
      value: x.id,
      title: typeName(x),
      label: (
        <Flex gap={8} align="center">
          <TypeDot color={x.color} />
          {typeName(x)}
        </Flex>
      ),
    }))

  return (
    <Form<ActivityFormValues>
      form={form}
      name="activity"
      layout="vertical"
      initialValues={initial}
      disabled={save.isPending}
      onFinish={submit}
      onValuesChange={(changed: Partial<ActivityFormValues>) => {
        for (const key of Object.keys(changed)) edited.current.add(key)
        if (changed.status) {
          onStatusChange(changed.status)
          if (!edited.current.has('startsAt'))
            form.setFieldValue('startsAt', startForStatus(changed.status, timeZone))
        }
        if (changed.typeId !== undefined) {
          const next = types.find((x) => x.id === changed.typeId)
          if (next && !edited.current.has('durationMin'))
            form.setFieldValue('durationMin', next.defaultDurationMin)
          form.setFieldValue('outcomeId', null)
        }
        if (changed.clientId !== undefined) form.setFieldValue('contactId', null)
      }}
    >
      {save.error && showError && <ErrorAlert error={save.error} />}
      {!editing && (
        <Form.Item name="status">
          <Segmented<'planned' | 'done'>
            options={[
              { value: 'planned', label: t('activities.form.modePlan') },
              { value: 'done', label: t('activities.form.modeLog') },
            ]}
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={type?.hasDirection ? 14 : 24}>
          <Form.Item name="typeId" label={t('activities.fields.type')} rules={[{ required: true }]}>
            <Select<number> options={typeOptions} showSearch={{ optionFilterProp: 'title' }} />
          </Form.Item>
        </Col>
        {type?.hasDirection && (
          <Col xs={24} sm={10}>
            <Form.Item name="direction" label={t('activities.fields.direction')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'out', label: t('activities.direction.out') },
                  { value: 'in', label: t('activities.direction.in') },
                ]}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          {fixedSubject ? (
            <Form.Item label={t('activities.fields.client')}>
              <Typography.Text strong>{fixedSubject.title}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item name="clientId" label={t('activities.fields.client')} rules={[{ required: true }]}>
              <ClientPicker />
            </Form.Item>
          )}
        </Col>
        {(contactOptions.length > 0 || (contacts.isFetching && contactClient !== null)) && (
          <Col xs={24} sm={12}>
            <Form.Item name="contactId" label={t('activities.fields.contact')}>
              <Select<number>
                allowClear
                placeholder={t('activities.fields.contactNone')}
                loading={contacts.isFetching}
                options={contactOptions}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={9}>
          <Form.Item
            name="startsAt"
            label={status === 'done' ? t('activities.fields.tookPlaceAt') : t('activities.fields.startsAt')}
            rules={[
              { required: true },
              {
                validator: (_, value: ActivityFormValues['startsAt'] | undefined) =>
                  status === 'done' && value && value.isAfter(wallNow(timeZone).add(5, 'minute'))
                    ? Promise.reject(new Error(t('activities.form.doneInFuture')))
                    : Promise.resolve(),
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format={WALL}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item name="durationMin" label={t('activities.fields.duration')} rules={[{ required: true }]}>
            <InputNumber<number>
              min={0}
              max={20_160}
              step={15}
              precision={0}
              suffix={t('activities.fields.minutes')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={9}>
          <Form.Item name="ownerId" label={t('activities.fields.performer')} rules={[{ required: true }]}>
            <PerformerSelect selectedName={activity?.owner?.name} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('activities.fields.title')} extra={t('activities.form.titleHint')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="location" label={t('activities.fields.location')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="description" label={t('activities.fields.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />
      </Form.Item>
      {status === 'done' ? (
        <>
          <Form.Item name="outcomeId" label={t('activities.fields.outcome')}>
            <OutcomeInput outcomes={type?.outcomes ?? []} />
          </Form.Item>
          <Form.Item name="result" label={t('activities.fields.result')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />
          </Form.Item>
        </>
      ) : (
        <Row gutter={16}>
          <Col xs={24} sm={editing ? 24 : 10}>
            <Form.Item
              name="reminders"
              label={t('activities.fields.reminders')}
              extra={!editing && settings.data ? t('activities.form.remindersHint') : undefined}
            >
              <ReminderSelect />
            </Form.Item>
          </Col>
          {!editing && (
            <Col xs={24} sm={14}>
              <Form.Item name="repeat" label={t('activities.fields.repeat')}>
                <RepeatInput start={startsAt} />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
      {activity?.recurrence && (
        <Alert
          type="info"
          showIcon
          icon={<RetweetOutlined />}
          style={{ marginBottom: 16 }}
          title={t('activities.form.inSeries', { rule: activity.recurrence.text })}
        />
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onClose} disabled={false}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {editing
            ? t('common.save')
            : status === 'done'
              ? t('activities.form.log')
              : t('activities.form.plan')}
        </Button>
      </Flex>
      <ScopeModal
        action={askScope ? 'edit' : null}
        loading={save.isPending}
        onCancel={() => setAskScope(null)}
        onChoose={(scope) => askScope && save.mutate({ values: askScope, scope })}
      />
    </Form>
  )
}
