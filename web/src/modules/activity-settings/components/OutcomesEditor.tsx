import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Badge, Button, Flex, Form, Input, Select, Switch, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { blankOutcome, OUTCOME_RESULTS, type OutcomeResult, type OutcomeRow } from './outcome-rows.ts'

export const RESULT_STATUS: Record<OutcomeResult, 'success' | 'default' | 'error'> = {
  positive: 'success',
  neutral: 'default',
  negative: 'error',
}

/**
 * The outcomes of a type, in order: rename, rate (positive / neutral / negative), move, hide. Saved
 * outcomes are hidden rather than removed (past activities keep them); new ones can still be removed.
 */
export function OutcomesEditor() {
  const { t } = useTranslation()
  const form = Form.useFormInstance()
  const rows = (Form.useWatch('outcomes', form) ?? []) as OutcomeRow[]
  const resultOptions = OUTCOME_RESULTS.map((value) => ({
    value,
    label: <Badge status={RESULT_STATUS[value]} text={t(`activityTypes.outcome.results.${value}`)} />,
  }))

  return (
    <Form.List name="outcomes">
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.length === 0 && (
            <Typography.Text type="secondary">{t('activityTypes.outcome.none')}</Typography.Text>
          )}
          {fields.map((field, index) => {
            const row = rows[index]
            const saved = row?.id !== undefined
            const active = row?.isActive !== false
            return (
              <Flex key={field.key} gap={8} align="flex-start" style={{ opacity: active ? 1 : 0.6 }}>
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'nameRu']}
                  rules={[{ required: true, whitespace: true }]}
                  style={{ flex: 1, marginBottom: 0 }}
                >
                  <Input
                    aria-label={t('activityTypes.outcome.nameRu')}
                    placeholder={t('activityTypes.outcome.nameRu')}
                    maxLength={100}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'nameEn']}
                  rules={[{ required: true, whitespace: true }]}
                  style={{ flex: 1, marginBottom: 0 }}
                >
                  <Input
                    aria-label={t('activityTypes.outcome.nameEn')}
                    placeholder={t('activityTypes.outcome.nameEn')}
                    maxLength={100}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'result']} style={{ width: 170, marginBottom: 0 }}>
                  <Select aria-label={t('activityTypes.outcome.result')} options={resultOptions} />
                </Form.Item>
                <Flex gap={2} align="center" style={{ height: 32 }}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('activityTypes.moveUp')}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  />
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('activityTypes.moveDown')}
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                  />
                  {saved ? (
                    <Tooltip
                      title={active ? t('activityTypes.outcome.offered') : t('activityTypes.outcome.hidden')}
                    >
                      <Form.Item name={[field.name, 'isActive']} valuePropName="checked" noStyle>
                        <Switch size="small" aria-label={t('activityTypes.outcome.offered')} />
                      </Form.Item>
                    </Tooltip>
                  ) : (
                    <>
                      <Form.Item name={[field.name, 'isActive']} hidden valuePropName="checked">
                        <Switch />
                      </Form.Item>
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('activityTypes.outcome.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </>
                  )}
                </Flex>
              </Flex>
            )
          })}
          <Form.ErrorList errors={errors} />
          <div>
            <Button icon={<PlusOutlined />} onClick={() => add(blankOutcome())}>
              {t('activityTypes.outcome.add')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  )
}
