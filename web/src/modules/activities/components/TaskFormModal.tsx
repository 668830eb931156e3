import { RetweetOutlined } from '@ant-design/icons'
import type { Task } from '@mmcrm/server/api-types'
import { useMutation } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Segmented,
  Typography,
} from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMe } from '../../../app/auth/auth-context.ts'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import { createTask, type EditScope, updateTask } from '../api/activities-api.ts'
import { useReminderSettings } from '../hooks/use-activity-types.ts'
import { useRefreshOrganizer } from '../hooks/use-organizer-actions.ts'
import { ChecklistInput } from './ChecklistInput.tsx'
import { ClientPicker } from './ClientPicker.tsx'
import { PerformerSelect } from './PerformerSelect.tsx'
import { ReminderSelect } from './ReminderSelect.tsx'
import { RepeatInput } from './RepeatInput.tsx'
import { ScopeModal } from './ScopeModal.tsx'
import {
  defaultTaskReminders,
  initialTaskValues,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskFormDefaults,
  type TaskFormValues,
  taskCreateBody,
  taskErrorField,
  taskPatch,
} from './task-form-values.ts'

export type { TaskFormDefaults }

export interface TaskFormModalProps {
  open: boolean
  onClose(): void
  onSaved?(t: Task): void
  /** The task to change; without it the form creates one. */
  task?: Task
  defaults?: TaskFormDefaults
}

const WALL = 'DD.MM.YYYY HH:mm'

/** Creates or changes a task: what, by when, how urgent, for whom, about which client, its checklist. */
export function TaskFormModal({ open, onClose, onSaved, task, defaults }: TaskFormModalProps) {
  const { t } = useTranslation()
  return (
    <Modal
      open={open}
      title={task ? t('tasks.form.editTitle') : t('tasks.form.createTitle')}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      {open && <TaskForm task={task} defaults={defaults} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  )
}

function TaskForm({ task, defaults, onClose, onSaved }: Omit<TaskFormModalProps, 'open'>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const me = useMe()
  const { timeZone } = useFormat()
  const refresh = useRefreshOrganizer()
  const editing = task !== undefined
  const readOnly = task !== undefined && !task.canEdit
  const settings = useReminderSettings(!editing)
  const [form] = Form.useForm<TaskFormValues>()
  const [showError, setShowError] = useState(true)
  const [askScope, setAskScope] = useState<TaskFormValues | null>(null)
  // Fields the employee changed themselves (antd counts values set by code as touched too).
  const edited = useRef(new Set<string>())
  const [initial] = useState(() => initialTaskValues({ task, defaults, meId: me.id, timeZone }))
  const dueAt = Form.useWatch('dueAt', form) ?? initial.dueAt
  const fixedSubject = task
    ? task.subject
      ? { type: task.subject.type, id: task.subject.id, title: task.client?.name ?? task.subject.title }
      : null
    : defaults?.subjectId
      ? { type: defaults.subjectType ?? 'client', id: defaults.subjectId, title: defaults.clientName ?? '' }
      : null

  const defaultKey = defaultTaskReminders(settings.data).join(',')
  useEffect(() => {
    if (!editing && !edited.current.has('reminders'))
      form.setFieldValue('reminders', defaultKey ? defaultKey.split(',').map(Number) : [])
  }, [editing, form, defaultKey])

  const save = useMutation({
    mutationFn: ({ values, scope }: { values: TaskFormValues; scope?: EditScope }) => {
      const remindersChosen = edited.current.has('reminders')
      if (task)
        return updateTask(task.id, task.version, {
          ...taskPatch(task, values, { timeZone, remindersChosen }),
          scope: scope ?? 'occurrence',
        })
      const subject = fixedSubject ?? (values.clientId ? { type: 'client', id: values.clientId } : null)
      return createTask(taskCreateBody(values, { subject, timeZone, remindersChosen }))
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      message.success(t(editing ? 'tasks.saved' : 'tasks.created'))
      void refresh()
      onSaved?.(saved)
      onClose()
    },
    onError: (error) => {
      setAskScope(null)
      setShowError(!applyFieldErrors(form, error, taskErrorField))
    },
  })

  const submit = (values: TaskFormValues) => {
    if (task) {
      const patch = taskPatch(task, values, { timeZone, remindersChosen: edited.current.has('reminders') })
      const keys = Object.keys(patch)
      if (keys.length === 0) {
        onClose()
        return
      }
      // Closing or reopening one occurrence is about it alone; other changes may go to the series.
      if (task.recurrence && task.status === 'open' && keys.some((k) => k !== 'status')) {
        setAskScope(values)
        return
      }
    }
    save.mutate({ values })
  }

  return (
    <Form<TaskFormValues>
      form={form}
      name="task"
      layout="vertical"
      initialValues={initial}
      disabled={save.isPending || readOnly}
      onFinish={submit}
      onValuesChange={(changed: Partial<TaskFormValues>) => {
        for (const key of Object.keys(changed)) edited.current.add(key)
      }}
    >
      {save.error && showError && <ErrorAlert error={save.error} />}
      <Form.Item name="title" label={t('tasks.fields.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="description" label={t('tasks.fields.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item
            name="dueAt"
            label={t('tasks.fields.dueAt')}
            rules={[
              {
                validator: (_, value: TaskFormValues['dueAt']) =>
                  !value && form.getFieldValue(['repeat', 'kind']) !== 'none' && !editing
                    ? Promise.reject(new Error(t('tasks.form.repeatNeedsDue')))
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
        <Col xs={24} sm={14}>
          <Form.Item name="priority" label={t('tasks.fields.priority')}>
            <Segmented
              options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="assigneeId" label={t('tasks.fields.assignee')} rules={[{ required: true }]}>
            <PerformerSelect selectedName={task?.assignee?.name} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          {fixedSubject || editing ? (
            <Form.Item label={t('tasks.fields.client')}>
              {fixedSubject ? (
                fixedSubject.type === 'client' ? (
                  <Link to={`/clients/${fixedSubject.id}`}>{fixedSubject.title}</Link>
                ) : (
                  <Typography.Text>{fixedSubject.title}</Typography.Text>
                )
              ) : (
                <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
              )}
            </Form.Item>
          ) : (
            <Form.Item name="clientId" label={t('tasks.fields.client')}>
              <ClientPicker placeholder={t('tasks.form.clientNone')} />
            </Form.Item>
          )}
        </Col>
      </Row>
      {editing && (
        <Form.Item name="status" label={t('tasks.fields.status')}>
          <Segmented options={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="checklist" label={t('tasks.fields.checklist')}>
        <ChecklistInput />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={editing ? 24 : 10}>
          <Form.Item
            name="reminders"
            label={t('tasks.fields.reminders')}
            extra={dueAt ? undefined : t('tasks.form.remindersNeedDue')}
          >
            <ReminderSelect disabled={!dueAt} />
          </Form.Item>
        </Col>
        {!editing && (
          <Col xs={24} sm={14}>
            <Form.Item name="repeat" label={t('tasks.fields.repeat')}>
              <RepeatInput start={dueAt} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {task?.recurrence && (
        <Alert
          type="info"
          showIcon
          icon={<RetweetOutlined />}
          style={{ marginBottom: 16 }}
          title={t('tasks.form.inSeries', { rule: task.recurrence.text })}
        />
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onClose} disabled={false}>
          {t('common.cancel')}
        </Button>
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {editing ? t('common.save') : t('tasks.form.create')}
          </Button>
        )}
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
