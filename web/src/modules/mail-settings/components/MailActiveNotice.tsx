import type { MailSettings } from '@mmcrm/server/api-types'
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { effectivePort } from './smtp-ports.ts'

/** Which settings mail goes out with: the environment's (they win), these, or none (mail is off). */
export function MailActiveNotice({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation()
  const env = settings.environment
  if (settings.active === 'environment' && env) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('mailSettings.environment.title')}
        description={t('mailSettings.environment.text', {
          host: env.host,
          port: effectivePort(env.port, env.security),
          from: env.fromAddress,
        })}
      />
    )
  }
  if (settings.active === 'none') {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('mailSettings.off.title')}
        description={t('mailSettings.off.text')}
      />
    )
  }
  return null
}
