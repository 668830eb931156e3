import { UploadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

/** "Import" on the client list: opens the wizard. */
export function ImportButton() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Button icon={<UploadOutlined />} onClick={() => navigate('/clients/import')} data-testid="import-button">
      {t('imports.button')}
    </Button>
  )
}
