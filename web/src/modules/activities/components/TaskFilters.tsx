import { Button, Flex, Input, Segmented, Select, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TaskFilter, TaskStatusFilter } from '../api/activities-api.ts'
import { TASK_FILTERS, TASK_STATUS_FILTERS, type TaskListState } from '../hooks/task-list-state.ts'
import { ClientPicker } from './ClientPicker.tsx'

interface Props {
  state: TaskListState
  onChange: (patch: Partial<TaskListState>) => void
}

/** Whose tasks, which status, overdue only, about which client, and a search; all kept in the address. */
export function TaskFilters({ state, onChange }: Props) {
  const { t } = useTranslation()
  const [q, setQ] = useState(state.q)
  useEffect(() => setQ(state.q), [state.q])
  const filtered = state.status !== 'open' || state.overdue || state.clientId !== undefined || state.q !== ''

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <Segmented<TaskFilter>
        aria-label={t('tasks.filters.whose')}
        value={state.filter}
        onChange={(filter) => onChange({ filter })}
        options={TASK_FILTERS.map((f) => ({ value: f, label: t(`tasks.filters.${f}`) }))}
      />
      <Select<TaskStatusFilter>
        aria-label={t('tasks.fields.status')}
        value={state.overdue ? 'open' : state.status}
        disabled={state.overdue}
        onChange={(status) => onChange({ status })}
        options={TASK_STATUS_FILTERS.map((s) => ({
          value: s,
          label: s === 'any' ? t('tasks.filters.anyStatus') : t(`tasks.status.${s}`),
        }))}
        style={{ width: 160 }}
      />
      <Flex gap={6} align="center">
        <Switch
          id="tasks-overdue"
          size="small"
          checked={state.overdue}
          onChange={(overdue) => onChange({ overdue })}
        />
        <Typography.Text>
          <label htmlFor="tasks-overdue">{t('tasks.filters.overdue')}</label>
        </Typography.Text>
      </Flex>
      <ClientPicker
        value={state.clientId ?? null}
        onChange={(id) => onChange({ clientId: id ?? undefined })}
        placeholder={t('tasks.filters.client')}
        style={{ width: 260 }}
      />
      <Input.Search
        aria-label={t('tasks.filters.search')}
        placeholder={t('tasks.filters.search')}
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() })}
        style={{ width: 260 }}
      />
      {filtered && (
        <Button
          type="link"
          onClick={() => onChange({ status: 'open', overdue: false, clientId: undefined, q: '' })}
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Flex>
  )
}
