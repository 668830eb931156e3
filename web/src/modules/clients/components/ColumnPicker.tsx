import { SettingOutlined } from '@ant-design/icons'
import type { Classifier, CustomField } from '@mmcrm/server/api-types'
import { Button, Checkbox, Divider, Flex, Popover, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useClassifierName } from '../../classifiers/hooks/use-classifiers.ts'
import { useCustomFieldLabel } from '../../custom-fields/hooks/use-custom-fields.ts'
import { classifierColumn, customColumn, STANDARD_COLUMNS } from '../hooks/use-client-columns.ts'

interface Props {
  columns: string[]
  defs: CustomField[] | undefined
  classifiers?: Classifier[]
  onChange: (columns: string[]) => void
}

/** Which columns the list shows: standard ones and any custom field. */
export function ColumnPicker({ columns, defs, classifiers, onChange }: Props) {
  const { t } = useTranslation()
  const fieldLabel = useCustomFieldLabel()
  const classifierName = useClassifierName()
  const all = [
    ...STANDARD_COLUMNS,
    ...(defs ?? []).map((d) => customColumn(d.key)),
    ...(classifiers ?? []).map((c) => classifierColumn(c.id)),
  ]
  // Keep the list's order whatever order the boxes were ticked in.
  const change = (checked: string[]) => onChange(all.filter((c) => c === 'name' || checked.includes(c)))

  const content = (
    <Checkbox.Group value={columns} onChange={(value) => change(value.map(String))}>
      <Flex vertical gap={4} style={{ maxHeight: 420, overflowY: 'auto', minWidth: 220 }}>
        {STANDARD_COLUMNS.map((key) => (
          <Checkbox key={key} value={key} disabled={key === 'name'}>
            {t(`clients.fields.${key}`)}
          </Checkbox>
        ))}
        {defs && defs.length > 0 && (
          <>
            <Divider style={{ margin: '8px 0' }} />
            <Typography.Text type="secondary">{t('customFields.title')}</Typography.Text>
            {defs.map((def) => (
              <Checkbox key={def.key} value={customColumn(def.key)}>
                {fieldLabel(def)}
              </Checkbox>
            ))}
          </>
        )}
        {classifiers && classifiers.length > 0 && (
          <>
            <Divider style={{ margin: '8px 0' }} />
            <Typography.Text type="secondary">{t('clients.classification.title')}</Typography.Text>
            {classifiers.map((c) => (
              <Checkbox key={c.id} value={classifierColumn(c.id)}>
                {classifierName(c)}
              </Checkbox>
            ))}
          </>
        )}
      </Flex>
    </Checkbox.Group>
  )

  return (
    <Popover trigger="click" placement="bottomRight" title={t('clients.columns')} content={content}>
      <Button icon={<SettingOutlined />}>{t('clients.columns')}</Button>
    </Popover>
  )
}
