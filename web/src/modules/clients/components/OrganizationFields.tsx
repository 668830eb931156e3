import type { ClientSize, LegalForm } from '@mmcrm/server/api-types'
import { Col, Form, Input, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { requisitesOf } from './client-form-values.ts'
import { CLIENT_SIZES, LEGAL_FORM_LABELS, LEGAL_FORMS, SIZE_LABELS } from './client-labels.ts'

/** An organization's name, legal form and requisites: ИНН, КПП (not for an ИП), ОГРН or ОГРНИП. */
export function OrganizationMainFields() {
  const { t } = useTranslation()
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={16}>
          <Form.Item
            name="name"
            label={t('clients.fields.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="legalForm" label={t('clients.fields.legalForm')}>
            <Select<LegalForm>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={LEGAL_FORMS.map((form) => ({ value: form, label: t(LEGAL_FORM_LABELS[form]) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="fullName" label={t('clients.fields.fullName')}>
        <Input maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="industry" label={t('clients.fields.industry')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="size" label={t('clients.fields.size')}>
            <Select<ClientSize>
              allowClear
              options={CLIENT_SIZES.map((size) => ({ value: size, label: t(SIZE_LABELS[size]) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="website" label={t('clients.fields.website')}>
        <Input inputMode="url" maxLength={500} placeholder={t('clients.websitePlaceholder')} />
      </Form.Item>
    </>
  )
}

export function OrganizationRequisites() {
  const { t } = useTranslation()
  const legalForm = Form.useWatch<LegalForm | undefined>('legalForm')
  const r = requisitesOf(legalForm)
  return (
    <Row gutter={16}>
      <Col xs={24} sm={8}>
        <Form.Item
          name="inn"
          label={r.isForeign ? t('clients.fields.foreignTaxId') : t('clients.fields.inn')}
          extra={
            r.isForeign
              ? t('clients.hints.foreignRequisites')
              : r.isSoleProprietor
                ? t('clients.hints.inn12')
                : t('clients.hints.inn10')
          }
        >
          <Input inputMode={r.isForeign ? 'text' : 'numeric'} maxLength={20} />
        </Form.Item>
      </Col>
      {r.hasKpp && (
        <Col xs={24} sm={8}>
          <Form.Item name="kpp" label={t('clients.fields.kpp')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      )}
      {r.hasOgrn && (
        <Col xs={24} sm={8}>
          <Form.Item
            name="ogrn"
            label={r.isSoleProprietor ? t('clients.fields.ogrnip') : t('clients.fields.ogrn')}
          >
            <Input inputMode="numeric" maxLength={20} />
          </Form.Item>
        </Col>
      )}
    </Row>
  )
}

export function OrganizationAddresses() {
  const { t } = useTranslation()
  return (
    <>
      <Form.Item name="legalAddress" label={t('clients.fields.legalAddress')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="postalAddress" label={t('clients.fields.postalAddress')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </>
  )
}
