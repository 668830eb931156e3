import {
  DeleteOutlined,
  EditOutlined,
  MoreOutlined,
  SaveOutlined,
  StarFilled,
  StarOutlined,
  UndoOutlined,
} from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Dropdown, type MenuProps, Select, Space, Tag, Tooltip } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import {
  deleteView,
  type SavedView,
  type SavedViewState,
  setDefaultView,
  updateView,
  viewKeys,
} from '../api/views-api.ts'
import { isSameViewState, useViews } from '../hooks/use-views.ts'
import { SaveViewModal } from './SaveViewModal.tsx'

interface Props {
  entity: 'clients'
  /** What the list shows now. */
  current: SavedViewState
  /** The view the list was opened from. */
  activeId: number | undefined
  /** Shows a view: its filter, sort and columns replace the list's. */
  onApply: (view: SavedView) => void
  /** The list now belongs to another view (saved as new) or to none (deleted, cleared). */
  onActiveChange: (id: number | undefined) => void
}

const SCOPE_ORDER: SavedView['scope'][] = ['private', 'team', 'all']

/** Saved views of a list: choose one, save the list as a view, update, rename, delete, make default. */
export function ViewsMenu({ entity, current, activeId, onApply, onActiveChange }: Props) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const queryClient = useQueryClient()
  const views = useViews(entity)
  const [dialog, setDialog] = useState<
    { kind: 'create'; state: SavedViewState } | { kind: 'rename'; view: SavedView } | null
  >(null)
  const active = views.data?.find((v) => v.id === activeId)
  // A view saved without columns leaves them to the employee: any columns match it.
  const modified =
    active !== undefined &&
    !isSameViewState(active.state, active.state.columns.length ? current : { ...current, columns: [] })
  const refresh = () => void queryClient.invalidateQueries({ queryKey: viewKeys.list(entity) })
  const fail = (error: unknown) =>
    message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)

  const save = useMutation({
    mutationFn: (view: SavedView) => updateView(view, { state: current }),
    onSuccess: (view) => {
      message.success(t('views.updated', { name: view.name }))
      refresh()
    },
    onError: fail,
  })
  const makeDefault = useMutation({
    mutationFn: (viewId: number | null) => setDefaultView(entity, viewId),
    onSuccess: (_, viewId) => {
      message.success(viewId ? t('views.defaultSet') : t('views.defaultCleared'))
      refresh()
    },
    onError: fail,
  })
  const remove = useMutation({
    mutationFn: deleteView,
    onSuccess: (_, view) => {
      message.success(t('views.deleted', { name: view.name }))
      if (view.id === activeId) onActiveChange(undefined)
      refresh()
    },
    onError: fail,
  })

  const confirmDelete = (view: SavedView) =>
    modal.confirm({
      title: t('views.deleteConfirm', { name: view.name }),
      content: view.scope === 'private' ? undefined : t('views.deleteShared'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(view),
    })

  const items: MenuProps['items'] = [
    {
      key: 'saveAs',
      icon: <SaveOutlined />,
      label: t('views.saveAs'),
      onClick: () => setDialog({ kind: 'create', state: current }),
    },
  ]
  if (active) {
    if (active.canEdit)
      items.push({
        key: 'update',
        icon: <SaveOutlined />,
        disabled: !modified,
        label: t('views.update', { name: active.name }),
        onClick: () => save.mutate(active),
      })
    items.push({
      key: 'reset',
      icon: <UndoOutlined />,
      disabled: !modified,
      label: t('views.reset'),
      onClick: () => onApply(active),
    })
    items.push({
      key: 'default',
      icon: active.isDefault ? <StarOutlined /> : <StarFilled />,
      label: active.isDefault ? t('views.unsetDefault') : t('views.setDefault'),
      onClick: () => makeDefault.mutate(active.isDefault ? null : active.id),
    })
    if (active.canEdit)
      items.push(
        { type: 'divider' },
        {
          key: 'rename',
          icon: <EditOutlined />,
          label: t('views.rename'),
          onClick: () => setDialog({ kind: 'rename', view: active }),
        },
        {
          key: 'delete',
          icon: <DeleteOutlined />,
          danger: true,
          label: t('views.delete'),
          onClick: () => confirmDelete(active),
        },
      )
  }

  const options = SCOPE_ORDER.flatMap((scope) => {
    const group = (views.data ?? []).filter((v) => v.scope === scope)
    if (!group.length) return []
    return [
      {
        label: t(`views.groups.${scope}`),
        title: t(`views.groups.${scope}`),
        options: group.map((v) => ({
          value: v.id,
          title: v.name,
          label: (
            <Space size={6}>
              {v.isDefault && (
                <Tooltip title={t('views.isDefault')}>
                  <StarFilled style={{ color: '#faad14' }} aria-label={t('views.isDefault')} />
                </Tooltip>
              )}
              {v.name}
            </Space>
          ),
        })),
      },
    ]
  })

  return (
    <Space size={8} wrap>
      <Space.Compact>
        <Select<number>
          aria-label={t('views.title')}
          data-testid="views-select"
          placeholder={t('views.placeholder')}
          value={active?.id}
          loading={views.isPending}
          options={options}
          allowClear
          onClear={() => onActiveChange(undefined)}
          onChange={(id) => {
            const view = views.data?.find((v) => v.id === id)
            if (view) onApply(view)
          }}
          notFoundContent={t('views.none')}
          popupMatchSelectWidth={false}
          style={{ minWidth: 200 }}
        />
        <Dropdown menu={{ items }} trigger={['click']}>
          <Button icon={<MoreOutlined />} aria-label={t('views.actions')} />
        </Dropdown>
      </Space.Compact>
      {modified && (
        <Tooltip title={t('views.modifiedHint')}>
          <Tag color="orange">{t('views.modified')}</Tag>
        </Tooltip>
      )}
      <SaveViewModal
        entity={entity}
        mode={dialog}
        onClose={() => setDialog(null)}
        onSaved={(view) => {
          if (dialog?.kind === 'create') onActiveChange(view.id)
        }}
      />
    </Space>
  )
}
