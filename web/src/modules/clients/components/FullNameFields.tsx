import { Col, Form, Input, Row } from 'antd'
import { useTranslation } from 'react-i18next'

/** Last, first and middle name in one row: an individual client's, or a contact person's. */
export function FullNameFields() {
  const { t } = useTranslation()
  return (
    <Row gutter={16}>
      <Col xs={24} sm={8}>
        <Form.Item
          name="lastName"
          label={t('clients.fields.lastName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          name="firstName"
          label={t('clients.fields.firstName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="middleName" label={t('clients.fields.middleName')}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  )
}
