import { Checkbox, Flex, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { usePermissionList } from '../hooks/use-staff-queries.ts'

interface Props {
  id?: string
  value?: string[]
  onChange?: (value: string[]) => void
  disabled?: boolean
}

/** The permissions a role can hold, grouped by area, in words rather than keys. */
export function PermissionChecklist({ id, value, onChange, disabled }: Props) {
  const { t } = useTranslation()
  const permissions = usePermissionList()
  if (permissions.error) return <ErrorAlert error={permissions.error} />
  if (!permissions.data) return <Skeleton active paragraph={{ rows: 3 }} />

  const areas = [...new Set(permissions.data.map((p) => p.area))]
  return (
    <div id={id}>
      <Checkbox.Group
        value={value}
        onChange={(next) => onChange?.(next.map(String))}
        disabled={disabled}
        style={{ display: 'block' }}
      >
        <Flex vertical gap={12}>
          {areas.map((area) => (
            <div key={area}>
              <Typography.Text strong>{t(`permissionAreas.${area}`, { defaultValue: area })}</Typography.Text>
              <Flex vertical gap={4} style={{ marginTop: 4 }}>
                {permissions.data
                  .filter((p) => p.area === area)
                  .map((p) => (
                    <Checkbox key={p.key} value={p.key}>
                      {t(`permissions.${p.key}`, { defaultValue: p.key })}
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t(`permissionHints.${p.key}`, { defaultValue: '' })}
                      </Typography.Text>
                    </Checkbox>
                  ))}
              </Flex>
            </div>
          ))}
        </Flex>
      </Checkbox.Group>
    </div>
  )
}
