import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Col, Form, Radio, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RuleVariable } from '../../api/classifiers-api.ts'
import { type ConditionRow, NO_VALUE_OPS, type NodeValues, type RuleOp } from './node-form-values.ts'
import { RuleValueInput } from './RuleValueInput.tsx'

interface Props {
  variables: RuleVariable[]
}

const MAX_CONDITIONS = 20

function needsValue(variable: RuleVariable | undefined, op: RuleOp | undefined): boolean {
  return Boolean(variable && op && !NO_VALUE_OPS.includes(op) && variable.type !== 'boolean')
}

/** A rule: all or any of up to 20 conditions, each a variable, an operator it allows, and a value. */
export function RuleEditor({ variables }: Props) {
  const { t } = useTranslation()
  const form = Form.useFormInstance<NodeValues>()
  const rows = (Form.useWatch('conditions', form) ?? []) as ConditionRow[]
  const variableOf = (key: string | undefined) => variables.find((v) => v.key === key)

  return (
    <>
      <Form.Item name="match" label={t('classifiers.rule.match')}>
        <Radio.Group
          options={[
            { value: 'all', label: t('classifiers.rule.matchAll') },
            { value: 'any', label: t('classifiers.rule.matchAny') },
          ]}
        />
      </Form.Item>
      <Form.List
        name="conditions"
        rules={[
          {
            validator: async (_, value: unknown[] | undefined) => {
              if (!value?.length) throw new Error(t('classifiers.rule.needCondition'))
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => {
              const row = rows[field.name] ?? {}
              const variable = variableOf(row.variable)
              return (
                <Row key={field.key} gutter={8} align="top" wrap={false}>
                  <Col flex="5">
                    <Form.Item
                      name={[field.name, 'variable']}
                      rules={[{ required: true, message: t('classifiers.rule.chooseVariable') }]}
                    >
                      <Select<string>
                        aria-label={t('classifiers.rule.variable')}
                        placeholder={t('classifiers.rule.variable')}
                        options={variables.map((v) => ({ value: v.key, label: v.label }))}
                        showSearch={{ optionFilterProp: 'label' }}
                        onChange={(key) => {
                          form.setFieldValue(['conditions', field.name], {
                            variable: key,
                            op: variableOf(key)?.ops[0],
                            value: undefined,
                          })
                        }}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="3">
                    <Form.Item
                      name={[field.name, 'op']}
                      rules={[{ required: true, message: t('classifiers.rule.chooseOp') }]}
                    >
                      <Select
                        aria-label={t('classifiers.rule.op')}
                        placeholder={t('classifiers.rule.op')}
                        options={(variable?.ops ?? []).map((op) => ({
                          value: op,
                          label: t(`classifiers.ops.${op}`),
                        }))}
                        onChange={() => form.setFieldValue(['conditions', field.name, 'value'], undefined)}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="5">
                    <Form.Item
                      name={[field.name, 'value']}
                      rules={[
                        {
                          validator: async (_, value: ConditionRow['value']) => {
                            if (!needsValue(variable, row.op)) return
                            const empty = Array.isArray(value)
                              ? value.length === 0
                              : value == null || value === ''
                            if (empty) throw new Error(t('classifiers.rule.needValue'))
                          },
                        },
                      ]}
                    >
                      <RuleValueInput variable={variable} op={row.op} />
                    </Form.Item>
                  </Col>
                  <Col flex="none">
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('classifiers.rule.removeCondition')}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              )
            })}
            <Form.ErrorList errors={errors} />
            <div style={{ marginBottom: 24 }}>
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_CONDITIONS}
                onClick={() => add({})}
              >
                {t('classifiers.rule.addCondition')}
              </Button>
            </div>
          </>
        )}
      </Form.List>
    </>
  )
}
