import {
  DeleteOutlined,
  DownloadOutlined,
  MergeOutlined,
  MoreOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons'
import type { ClientCard } from '@mmcrm/server/api-types'
import { Button, Dropdown, type MenuProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { personalDataUrl } from '../api/clients-api.ts'
import { EraseModal } from './EraseModal.tsx'
import { ReassignModal, type ReassignTarget } from './ReassignModal.tsx'

interface Props {
  client: ClientCard
  /** Opens the merge dialog (the page owns it: the duplicates warning opens it too). */
  onMerge: () => void
}

/** The dossier's less frequent actions, only those the role allows: merge, reassign, personal data. */
export function ClientMoreActions({ client, onMerge }: Props) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const [reassign, setReassign] = useState<ReassignTarget | null>(null)
  const [erasing, setErasing] = useState(false)

  const items: NonNullable<MenuProps['items']> = []
  if (can('clients.merge'))
    items.push({ key: 'merge', icon: <MergeOutlined />, label: t('clients.actions.merge'), onClick: onMerge })
  if (can('clients.reassign'))
    items.push({
      key: 'reassign',
      icon: <UserSwitchOutlined />,
      label: t('clients.actions.reassign'),
      onClick: () => setReassign({ kind: 'one', id: client.id, name: client.name }),
    })
  if (can('clients.personal_data')) {
    items.push({
      key: 'export',
      icon: <DownloadOutlined />,
      label: (
        <a href={personalDataUrl(client.id)} download>
          {t('clients.privacy.export')}
        </a>
      ),
    })
    if (client.kind === 'person' && client.erasedAt === null)
      items.push(
        { type: 'divider' },
        {
          key: 'erase',
          icon: <DeleteOutlined />,
          danger: true,
          label: t('clients.privacy.eraseAction'),
          onClick: () => setErasing(true),
        },
      )
  }
  if (items.length === 0) return null

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button icon={<MoreOutlined />}>{t('clients.actions.more')}</Button>
      </Dropdown>
      <ReassignModal target={reassign} onClose={() => setReassign(null)} />
      {client.kind === 'person' && (
        <EraseModal client={client} open={erasing} onClose={() => setErasing(false)} />
      )}
    </>
  )
}
