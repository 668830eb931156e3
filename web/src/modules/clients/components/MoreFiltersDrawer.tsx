import type { ClientSize, CustomField, CustomFilter } from '@mmcrm/server/api-types'
import { Button, DatePicker, Divider, Drawer, Flex, Form, Input, InputNumber, Select, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CustomFieldFilterInput } from '../../custom-fields/components/CustomFieldFilterInput.tsx'
import { useCustomFieldLabel } from '../../custom-fields/hooks/use-custom-fields.ts'
import type { ClientListState, CustomFilters } from '../hooks/use-client-list-state.ts'
import { CLIENT_SIZES, SIZE_LABELS } from './client-labels.ts'

type Draft = Pick<
  ClientListState,
  'industry' | 'source' | 'size' | 'completenessBelow' | 'createdFrom' | 'createdTo' | 'custom'
>

interface Props {
  open: boolean
  state: ClientListState
  defs: CustomField[] | undefined
  onClose: () => void
  onApply: (patch: Draft) => void
}

const DAY = 'YYYY-MM-DD'

function draftOf(state: ClientListState): Draft {
  const { industry, source, size, completenessBelow, createdFrom, createdTo, custom } = state
  return { industry, source, size, completenessBelow, createdFrom, createdTo, custom }
}

const EMPTY: Draft = {
  industry: '',
  source: '',
  size: undefined,
  completenessBelow: undefined,
  createdFrom: undefined,
  createdTo: undefined,
  custom: {},
}

/** The less common filters, custom fields among them; applied together. */
export function MoreFiltersDrawer({ open, state, defs, onClose, onApply }: Props) {
  const { t } = useTranslation()
  return (
    <Drawer open={open} onClose={onClose} title={t('clients.filters.more')} size={520} destroyOnHidden>
      {/* Mounted on each opening, so it starts from what the list shows now. */}
      <MoreFiltersForm state={state} defs={defs} onApply={onApply} />
    </Drawer>
  )
}

function MoreFiltersForm({ state, defs, onApply }: Pick<Props, 'state' | 'defs' | 'onApply'>) {
  const { t } = useTranslation()
  const fieldLabel = useCustomFieldLabel()
  const [draft, setDraft] = useState<Draft>(() => draftOf(state))
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const setCustom = (key: string, filter: CustomFilter | undefined) =>
    setDraft((d) => {
      const custom: CustomFilters = { ...d.custom }
      if (filter) custom[key] = filter
      else delete custom[key]
      return { ...d, custom }
    })

  return (
    <Form
      layout="vertical"
      name="client-filters"
      onFinish={() => onApply({ ...draft, industry: draft.industry.trim(), source: draft.source.trim() })}
    >
      <Form.Item label={t('clients.fields.industry')} htmlFor="client-filters-industry">
        <Input
          id="client-filters-industry"
          value={draft.industry}
          onChange={(e) => set({ industry: e.target.value })}
          allowClear
        />
      </Form.Item>
      <Form.Item label={t('clients.fields.source')} htmlFor="client-filters-source">
        <Input
          id="client-filters-source"
          value={draft.source}
          onChange={(e) => set({ source: e.target.value })}
          allowClear
        />
      </Form.Item>
      <Form.Item label={t('clients.fields.size')} htmlFor="client-filters-size">
        <Select<ClientSize>
          id="client-filters-size"
          allowClear
          value={draft.size}
          onChange={(size) => set({ size })}
          options={CLIENT_SIZES.map((size) => ({ value: size, label: t(SIZE_LABELS[size]) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('clients.filters.completenessBelow')}
        htmlFor="client-filters-below"
        extra={t('clients.filters.completenessBelowHint')}
      >
        <InputNumber
          id="client-filters-below"
          min={1}
          max={100}
          suffix="%"
          value={draft.completenessBelow ?? null}
          onChange={(value) => set({ completenessBelow: value ?? undefined })}
          style={{ width: 140 }}
        />
      </Form.Item>
      <Form.Item label={t('clients.filters.created')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          format="DD.MM.YYYY"
          value={[
            draft.createdFrom ? dayjs(draft.createdFrom, DAY) : null,
            draft.createdTo ? dayjs(draft.createdTo, DAY) : null,
          ]}
          onChange={(dates) =>
            set({ createdFrom: dates?.[0]?.format(DAY), createdTo: dates?.[1]?.format(DAY) })
          }
        />
      </Form.Item>
      {defs && defs.length > 0 && (
        <>
          <Divider />
          <Typography.Title level={5}>{t('customFields.title')}</Typography.Title>
          {defs.map((def) => (
            <Form.Item key={def.key} label={fieldLabel(def)} htmlFor={`client-filters-custom-${def.key}`}>
              <CustomFieldFilterInput
                id={`client-filters-custom-${def.key}`}
                def={def}
                value={draft.custom[def.key]}
                onChange={(filter) => setCustom(def.key, filter)}
              />
            </Form.Item>
          ))}
        </>
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={() => setDraft(EMPTY)}>{t('common.resetFilters')}</Button>
        <Button type="primary" htmlType="submit">
          {t('clients.filters.apply')}
        </Button>
      </Flex>
    </Form>
  )
}
