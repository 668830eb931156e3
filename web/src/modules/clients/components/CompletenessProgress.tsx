import { Progress } from 'antd'
import { useTranslation } from 'react-i18next'

interface Props {
  percent: number
  size?: 'small' | 'default'
}

function status(percent: number): 'success' | 'normal' | 'exception' {
  if (percent >= 100) return 'success'
  if (percent < 50) return 'exception'
  return 'normal'
}

/** How complete a dossier is: a bar with the percentage. */
export function CompletenessProgress({ percent, size = 'small' }: Props) {
  const { t } = useTranslation()
  return (
    <Progress
      percent={percent}
      size={size === 'small' ? 'small' : 'default'}
      status={status(percent)}
      format={(value) => `${value ?? 0}%`}
      aria-label={t('clients.fields.completeness')}
      style={{ minWidth: size === 'small' ? 110 : 160, maxWidth: '100%', margin: 0 }}
    />
  )
}
