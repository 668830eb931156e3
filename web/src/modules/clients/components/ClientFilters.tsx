import { FilterOutlined } from '@ant-design/icons'
import type { CustomField, Team } from '@mmcrm/server/api-types'
import { Badge, Button, Flex, Input, Segmented, Select, Switch, Typography } from 'antd'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CLIENT_ACTIVITY_FILTERS,
  type ClientActivityFilter,
  type ClientListState,
  countFilters,
  NO_FILTERS,
} from '../hooks/use-client-list-state.ts'
import { CLIENT_KINDS, type ClientKind, KIND_LABELS } from './client-labels.ts'
import { MoreFiltersDrawer } from './MoreFiltersDrawer.tsx'
import { OwnerFilter } from './OwnerFilter.tsx'

interface Props {
  state: ClientListState
  teams: Team[] | undefined
  defs: CustomField[] | undefined
  canReadStaff: boolean
  canSeeTrash: boolean
  /** Shown before the search (the classifier panel's switch). */
  prefix?: ReactNode
  onChange: (patch: Partial<ClientListState>) => void
}

type KindChoice = ClientKind | 'all'

/** Search, the common filters, more filters in a panel, and the trash; every change goes to the address bar. */
export function ClientFilters({ state, teams, defs, canReadStaff, canSeeTrash, prefix, onChange }: Props) {
  const { t } = useTranslation()
  const [q, setQ] = useState(state.q)
  const [moreOpen, setMoreOpen] = useState(false)
  useEffect(() => setQ(state.q), [state.q])
  // "Dossier incomplete" (below 100 %) has its own button; any other threshold is among the more filters.
  const moreBelow = state.completenessBelow !== undefined && state.completenessBelow !== 100
  const more =
    [state.industry, state.source, state.size, moreBelow, state.createdFrom || state.createdTo].filter(
      Boolean,
    ).length + Object.keys(state.custom).length
  const filtered = countFilters(state) > 0

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      {prefix}
      <Input.Search
        aria-label={t('clients.search')}
        placeholder={t('clients.searchPlaceholder')}
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() })}
        style={{ width: 300 }}
      />
      <Segmented<KindChoice>
        aria-label={t('clients.fields.kind')}
        value={state.kind ?? 'all'}
        onChange={(kind) => onChange({ kind: kind === 'all' ? undefined : kind })}
        options={[
          { value: 'all', label: t('clients.kinds.all') },
          ...CLIENT_KINDS.map((kind) => ({ value: kind, label: t(KIND_LABELS[kind]) })),
        ]}
      />
      {canReadStaff && <OwnerFilter value={state.owners} onChange={(owners) => onChange({ owners })} />}
      {canReadStaff && (
        <Select<number[]>
          mode="multiple"
          aria-label={t('clients.filters.team')}
          placeholder={t('clients.filters.team')}
          allowClear
          maxTagCount="responsive"
          value={state.teams}
          onChange={(ids) => onChange({ teams: ids })}
          options={teams?.map((team) => ({ value: team.id, label: team.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
        />
      )}
      <Select<ClientActivityFilter>
        aria-label={t('clients.filters.activity')}
        placeholder={t('clients.filters.activity')}
        allowClear
        value={state.activity}
        onChange={(activity) => onChange({ activity })}
        options={CLIENT_ACTIVITY_FILTERS.map((value) => ({
          value,
          label: t(`clients.filters.activityOptions.${value}`),
        }))}
        style={{ width: 210 }}
        popupMatchSelectWidth={false}
      />
      <Button
        type={state.completenessBelow === 100 ? 'primary' : 'default'}
        ghost={state.completenessBelow === 100}
        onClick={() => onChange({ completenessBelow: state.completenessBelow === 100 ? undefined : 100 })}
      >
        {t('clients.filters.incomplete')}
      </Button>
      <Badge count={more} size="small">
        <Button icon={<FilterOutlined />} onClick={() => setMoreOpen(true)}>
          {t('clients.filters.more')}
        </Button>
      </Badge>
      {filtered && (
        <Button type="link" onClick={() => onChange(NO_FILTERS)}>
          {t('common.resetFilters')}
        </Button>
      )}
      {canSeeTrash && (
        <Flex gap={6} align="center" style={{ marginInlineStart: 'auto' }}>
          <Switch
            id="clients-trash"
            size="small"
            checked={state.trash}
            onChange={(trash) => onChange({ trash })}
          />
          <Typography.Text>
            <label htmlFor="clients-trash">{t('clients.trash.show')}</label>
          </Typography.Text>
        </Flex>
      )}
      <MoreFiltersDrawer
        open={moreOpen}
        state={state}
        defs={defs}
        onClose={() => setMoreOpen(false)}
        onApply={(patch) => {
          onChange(patch)
          setMoreOpen(false)
        }}
      />
    </Flex>
  )
}
