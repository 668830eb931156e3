import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from './api.ts'

interface Props {
  error: unknown
  onRetry?: () => void
}

/** A whole page that could not load (the server is unreachable or failed). */
export function ErrorScreen({ error, onRetry }: Props) {
  const { t } = useTranslation()
  const api = isApiError(error) ? error : null
  const message = api?.code === 'network' ? t('errors.network') : api?.message || t('errors.generic')
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  )
}
