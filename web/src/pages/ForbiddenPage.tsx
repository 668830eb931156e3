import { Button, Result } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

/** A page the employee's role does not open. Nothing of the page's data is requested. */
export function ForbiddenPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  useEffect(() => {
    document.title = `${t('forbidden.title')} · MM CRM`
  }, [t])
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.text')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.toHome')}
        </Button>
      }
    />
  )
}
