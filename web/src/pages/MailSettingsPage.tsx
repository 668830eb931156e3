import { useQuery } from '@tanstack/react-query'
import { Card, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { fetchMailSettings, mailSettingsKey } from '../modules/mail-settings/api/mail-settings-api.ts'
import { MailActiveNotice } from '../modules/mail-settings/components/MailActiveNotice.tsx'
import { MailSettingsForm } from '../modules/mail-settings/components/MailSettingsForm.tsx'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/** Administration → E-mail (SMTP): how the CRM sends its messages (reminders and others). */
export function MailSettingsPage() {
  const { t } = useTranslation()
  const settings = useQuery({ queryKey: mailSettingsKey, queryFn: fetchMailSettings })
  return (
    <>
      <PageHeader title={t('mailSettings.title')} subtitle={t('mailSettings.subtitle')} />
      {settings.error && !settings.data && <ErrorAlert error={settings.error} />}
      {settings.data ? (
        <>
          <MailActiveNotice settings={settings.data} />
          <Card>
            <MailSettingsForm settings={settings.data} />
          </Card>
        </>
      ) : (
        !settings.error && <Skeleton active />
      )}
    </>
  )
}
