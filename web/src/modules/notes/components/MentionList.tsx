import type { User } from '@mmcrm/server/api-types'
import { Card, List, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'

interface Props {
  users: User[]
  /** The highlighted one (arrows move it, Enter picks it). */
  active: number
  onPick: (user: User) => void
}

/** Colleagues matching what follows the `@`, under the note editor. */
export function MentionList({ users, active, onPick }: Props) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  if (!users.length) return null
  return (
    <Card
      size="small"
      style={{ position: 'absolute', zIndex: 20, insetInlineStart: 0, top: '100%', width: 300 }}
      styles={{ body: { padding: 4 } }}
    >
      <List<User>
        size="small"
        dataSource={users}
        aria-label={t('notes.mentionColleague')}
        renderItem={(user, index) => (
          <List.Item
            key={user.id}
            // Keeps the caret in the editor: the mention goes where the `@` was typed.
            onMouseDown={(e) => {
              e.preventDefault()
              onPick(user)
            }}
            style={{
              cursor: 'pointer',
              paddingInline: 8,
              background: index === active ? token.controlItemBgActive : undefined,
            }}
          >
            <span>
              {user.name}
              {user.position && <Typography.Text type="secondary">{` · ${user.position}`}</Typography.Text>}
            </span>
          </List.Item>
        )}
      />
    </Card>
  )
}
