import { Col, DatePicker, Form, Input, Row } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { FullNameFields } from './FullNameFields.tsx'

/** An individual: full name, birth date, a 12-digit ИНН and an address. */
export function PersonFields() {
  const { t } = useTranslation()
  return (
    <>
      <FullNameFields />
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="birthDate" label={t('clients.fields.birthDate')}>
            <DatePicker
              format="DD.MM.YYYY"
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="inn" label={t('clients.fields.inn')} extra={t('clients.hints.inn12')}>
            <Input inputMode="numeric" maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="legalAddress" label={t('clients.fields.address')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </>
  )
}
