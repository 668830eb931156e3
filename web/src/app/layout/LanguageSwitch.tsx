import { GlobalOutlined } from '@ant-design/icons'
import { App, Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../ui/api.ts'
import { isLanguage, LANGUAGES, nativeLanguageName } from '../i18n/i18n.ts'
import { usePreferences } from '../preferences/preferences-context.ts'

/** ru / en; saved to the employee when signed in, to this browser before. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { language, setLanguage } = usePreferences()
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((lng) => ({
          key: lng,
          label: <span lang={lng}>{nativeLanguageName(lng)}</span>,
        })),
        onClick: ({ key }) => {
          if (!isLanguage(key)) return
          setLanguage(key).catch((error: unknown) => {
            message.error(isApiError(error) && error.message ? error.message : t('errors.generic'))
          })
        },
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('header.language')}>
        {nativeLanguageName(language)}
      </Button>
    </Dropdown>
  )
}
