import { DeleteOutlined, UndoOutlined } from '@ant-design/icons'
import type { ClientListItem } from '@mmcrm/server/api-types'
import { Button, Flex, Popconfirm } from 'antd'
import { useTranslation } from 'react-i18next'
import { useClientActions } from '../hooks/use-client-actions.ts'

interface Props {
  client: Pick<ClientListItem, 'id' | 'name'>
  canPurge: boolean
  size?: 'small' | 'middle'
  onPurged?: () => void
}

/** Restore a client from the trash, or (administrators) delete it for good. */
export function TrashActions({ client, canPurge, size = 'small', onPurged }: Props) {
  const { t } = useTranslation()
  const { restore, purge } = useClientActions()
  return (
    <Flex gap={8} wrap>
      <Button
        size={size}
        icon={<UndoOutlined />}
        loading={restore.isPending && restore.variables?.id === client.id}
        onClick={() => restore.mutate(client)}
      >
        {t('clients.trash.restore')}
      </Button>
      {canPurge && (
        <Popconfirm
          title={t('clients.trash.purgeConfirm', { name: client.name })}
          description={t('clients.trash.purgeWarning')}
          okText={t('clients.trash.purge')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            purge.mutateAsync(client).then(
              () => onPurged?.(),
              () => undefined,
            )
          }
        >
          <Button
            size={size}
            danger
            icon={<DeleteOutlined />}
            loading={purge.isPending && purge.variables?.id === client.id}
          >
            {t('clients.trash.purge')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  )
}
