import { useQuery } from '@tanstack/react-query'
import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAuth, useMe } from '../../../app/auth/auth-context.ts'
import { fetchMailSettings, mailSettingsKey } from '../../mail-settings/api/mail-settings-api.ts'

/**
 * Said when e-mail reminders are chosen: where they go, and whether mail can go out at all. Only an
 * administrator may read the SMTP settings, so others get the condition in words.
 */
export function EmailChannelNotice() {
  const { t } = useTranslation()
  const me = useMe()
  const { can } = useAuth()
  const isAdmin = can('settings.manage')
  const mail = useQuery({ queryKey: mailSettingsKey, queryFn: fetchMailSettings, enabled: isAdmin })

  if (isAdmin && mail.data?.active === 'none')
    return (
      <Alert
        type="warning"
        showIcon
        title={t('reminderSettings.smtpOff')}
        action={<Link to="/admin/mail">{t('reminderSettings.smtpOffLink')}</Link>}
        style={{ marginBottom: 16 }}
      />
    )
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
      {t('reminderSettings.emailTo', { email: me.email })}
      {!isAdmin && ` ${t('reminderSettings.emailNeedsSmtp')}`}
    </Typography.Paragraph>
  )
}
