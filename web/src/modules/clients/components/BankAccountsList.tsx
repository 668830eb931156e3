import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Checkbox, Col, Flex, Form, Input, Row } from 'antd'
import { useTranslation } from 'react-i18next'

/** An organization's bank accounts: БИК, bank, р/с, к/с and which one is primary. */
export function BankAccountsList() {
  const { t } = useTranslation()
  return (
    <Form.List name="bankAccounts">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={t('clients.bank.account', { n: index + 1 })}
              extra={
                <Flex gap={8} align="center">
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
              }
            >
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item
                    name={[field.name, 'bik']}
                    label={t('clients.fields.bik')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input inputMode="numeric" maxLength={20} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={16}>
                  <Form.Item name={[field.name, 'bankName']} label={t('clients.fields.bankName')}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[field.name, 'account']}
                    label={t('clients.fields.account')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input inputMode="numeric" maxLength={30} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={[field.name, 'corrAccount']} label={t('clients.fields.corrAccount')}>
                    <Input inputMode="numeric" maxLength={30} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            style={{ marginBottom: 16 }}
            onClick={() =>
              add({ bik: '', bankName: '', account: '', corrAccount: '', isPrimary: fields.length === 0 })
            }
          >
            {t('clients.bank.add')}
          </Button>
        </>
      )}
    </Form.List>
  )
}
