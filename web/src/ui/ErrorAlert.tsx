import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button } from 'antd'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from './api.ts'

interface Props {
  error: unknown
  /** Offered when the record changed meanwhile (412): fetches it again and resets the form. */
  onReload?: () => void
  style?: CSSProperties
}

/** The server's message for a failed call, or a general one when there was no answer. */
export function ErrorAlert({ error, onReload, style }: Props) {
  const { t } = useTranslation()
  if (!error) return null
  const api = isApiError(error) ? error : null
  const stale = api?.code === 'precondition_failed'
  let message = api?.message || t('errors.generic')
  if (api?.code === 'network') message = t('errors.network')
  return (
    <Alert
      type={stale ? 'warning' : 'error'}
      showIcon
      title={stale ? t('errors.staleTitle') : message}
      description={stale ? message : undefined}
      style={{ marginBottom: 16, ...style }}
      action={
        stale && onReload ? (
          <Button size="small" icon={<ReloadOutlined />} onClick={onReload}>
            {t('common.reload')}
          </Button>
        ) : undefined
      }
    />
  )
}
