import { MergeOutlined } from '@ant-design/icons'
import type { ClientDuplicate } from '@mmcrm/server/api-types'
import { Alert, Button, Typography } from 'antd'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

interface Props {
  duplicates: ClientDuplicate[] | undefined
  onClose?: () => void
  /** Offered next to each visible duplicate when the employee may merge clients. */
  onMerge?: (duplicate: ClientDuplicate) => void
  style?: CSSProperties
}

/**
 * Likely duplicates, as a warning that does not block saving: visible ones link to their dossier;
 * one outside the employee's access is only named by its owner, so they know whom to ask.
 */
export function DuplicatesAlert({ duplicates, onClose, onMerge, style }: Props) {
  const { t } = useTranslation()
  if (!duplicates?.length) return null
  return (
    <Alert
      type="warning"
      showIcon
      closable={onClose ? { onClose } : undefined}
      title={t('clients.duplicates.title', { count: duplicates.length })}
      style={{ marginBottom: 16, ...style }}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="duplicates">
          {duplicates.map((d) => (
            <li key={d.id}>
              {d.visible ? (
                <Link to={`/clients/${d.id}`} target="_blank">
                  {d.name}
                </Link>
              ) : (
                <Typography.Text>
                  {t('clients.duplicates.hidden', { owner: d.owner?.name ?? t('clients.noOwner') })}
                </Typography.Text>
              )}
              {d.visible && d.inn && <Typography.Text type="secondary">{` · ${d.inn}`}</Typography.Text>}
              <Typography.Text type="secondary">
                {` · ${d.reasons.map((r) => t(`clients.duplicates.reasons.${r}`)).join(', ')}`}
              </Typography.Text>
              {d.visible && d.owner && (
                <Typography.Text type="secondary">
                  {` · ${t('clients.fields.owner')}: ${d.owner.name}`}
                </Typography.Text>
              )}
              {d.visible && onMerge && (
                <Button
                  type="link"
                  size="small"
                  icon={<MergeOutlined />}
                  onClick={() => onMerge(d)}
                  aria-label={t('clients.merge.withDuplicate', { name: d.name })}
                >
                  {t('clients.merge.action')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      }
    />
  )
}
