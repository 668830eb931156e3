import { DeleteOutlined, MailOutlined, MessageOutlined, PhoneOutlined } from '@ant-design/icons'
import type { ChannelType } from '@mmcrm/server/api-types'
import { Button, Checkbox, Col, Flex, Form, Input, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { CHANNEL_LABELS, CHANNEL_TYPES } from './client-labels.ts'

const ICONS = {
  phone: PhoneOutlined,
  email: MailOutlined,
  messenger: MessageOutlined,
} as const satisfies Record<ChannelType, unknown>

/** Phones, e-mails and messengers: type, value, a label ("office") and which one is primary. */
export function ChannelsList() {
  const { t } = useTranslation()
  return (
    <Form.List name="channels">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" wrap>
              <Col xs={24} sm={6}>
                <Form.Item name={[field.name, 'type']} rules={[{ required: true }]}>
                  <Select<ChannelType>
                    aria-label={t('clients.channels.type')}
                    options={CHANNEL_TYPES.map((type) => ({ value: type, label: t(CHANNEL_LABELS[type]) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={9}>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const type: ChannelType = getFieldValue(['channels', field.name, 'type']) ?? 'phone'
                    return (
                      <Form.Item
                        name={[field.name, 'value']}
                        rules={[
                          { required: true, whitespace: true },
                          ...(type === 'email' ? [{ type: 'email' as const }] : []),
                        ]}
                      >
                        <Input
                          aria-label={t(CHANNEL_LABELS[type])}
                          placeholder={t(`clients.channels.placeholders.${type}`)}
                          inputMode={type === 'phone' ? 'tel' : type === 'email' ? 'email' : 'text'}
                          maxLength={500}
                        />
                      </Form.Item>
                    )
                  }}
                </Form.Item>
              </Col>
              <Col xs={14} sm={5}>
                <Form.Item name={[field.name, 'label']}>
                  <Input
                    aria-label={t('clients.channels.label')}
                    placeholder={t('clients.channels.labelPlaceholder')}
                    maxLength={100}
                  />
                </Form.Item>
              </Col>
              <Col xs={10} sm={4}>
                <Flex gap={4} align="center" style={{ minHeight: 32 }}>
                  <Form.Item name={[field.name, 'isPrimary']} valuePropName="checked" noStyle>
                    <Checkbox>{t('clients.primary')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            {CHANNEL_TYPES.map((type) => {
              const Icon = ICONS[type]
              return (
                <Button
                  key={type}
                  icon={<Icon />}
                  onClick={() => add({ type, value: '', label: '', isPrimary: false })}
                >
                  {t(`clients.channels.add.${type}`)}
                </Button>
              )
            })}
          </Flex>
        </>
      )}
    </Form.List>
  )
}
