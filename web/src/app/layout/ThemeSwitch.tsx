import { DesktopOutlined, MoonOutlined, SunOutlined } from '@ant-design/icons'
import { App, Button, Dropdown, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../ui/api.ts'
import { usePreferences } from '../preferences/preferences-context.ts'
import { THEME_MODES, type ThemeMode } from '../preferences/theme.ts'

const ICONS: Record<ThemeMode, typeof SunOutlined> = {
  light: SunOutlined,
  dark: MoonOutlined,
  system: DesktopOutlined,
}

/** Light, dark, or whatever the device prefers. */
export function ThemeSwitch() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { theme, setTheme } = usePreferences()
  const Icon = ICONS[theme]
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [theme],
        items: THEME_MODES.map((mode) => {
          const ModeIcon = ICONS[mode]
          return { key: mode, icon: <ModeIcon />, label: t(`themes.${mode}`) }
        }),
        onClick: ({ key }) => {
          const mode = THEME_MODES.find((m) => m === key)
          if (!mode) return
          setTheme(mode).catch((error: unknown) => {
            message.error(isApiError(error) && error.message ? error.message : t('errors.generic'))
          })
        },
      }}
    >
      <Tooltip title={t('header.theme')}>
        <Button type="text" icon={<Icon />} aria-label={`${t('header.theme')}: ${t(`themes.${theme}`)}`} />
      </Tooltip>
    </Dropdown>
  )
}
