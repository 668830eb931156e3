import { TagsOutlined, UserSwitchOutlined } from '@ant-design/icons'
import { Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

interface Props {
  selected: number
  /** Clients the list's filter matches. */
  total: number
  /** Reassigning, for those allowed to. */
  reassign?: { onSelected: () => void; onAll: () => void }
  /** Classifying the chosen rows or every match, for those allowed to. */
  onClassify?: () => void
  onClear: () => void
}

/** What can be done with the chosen rows, or with every client the filter matches. */
export function BulkActionsBar({ selected, total, reassign, onClassify, onClear }: Props) {
  const { t } = useTranslation()
  return (
    <Flex
      gap={8}
      wrap
      align="center"
      style={{ marginBottom: 12 }}
      role="toolbar"
      aria-label={t('clients.actions.bulk')}
    >
      <Typography.Text type="secondary">
        {selected > 0
          ? t('clients.actions.selected', { count: selected })
          : t('clients.actions.noneSelected')}
      </Typography.Text>
      {reassign && (
        <>
          <Button icon={<UserSwitchOutlined />} disabled={selected === 0} onClick={reassign.onSelected}>
            {t('clients.actions.reassignSelected', { count: selected })}
          </Button>
          <Button icon={<UserSwitchOutlined />} disabled={total === 0} onClick={reassign.onAll}>
            {t('clients.actions.reassignAll', { count: total })}
          </Button>
        </>
      )}
      {onClassify && (
        <Button icon={<TagsOutlined />} disabled={selected === 0 && total === 0} onClick={onClassify}>
          {t('clients.actions.classify')}
        </Button>
      )}
      {selected > 0 && (
        <Button type="link" onClick={onClear}>
          {t('clients.actions.clearSelection')}
        </Button>
      )}
    </Flex>
  )
}
