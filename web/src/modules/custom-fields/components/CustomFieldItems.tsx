import type { CustomField } from '@mmcrm/server/api-types'
import { Col, Form, Row } from 'antd'
import { useCustomFieldLabel } from '../hooks/use-custom-fields.ts'
import { CustomFieldInput, customValuePropName } from './CustomFieldInput.tsx'

interface Props {
  defs: CustomField[]
  /** Where the values live in the form (`custom.<key>`). */
  name?: string
}

/** Form items for custom fields, each by its type; required ones are marked and checked. */
export function CustomFieldItems({ defs, name = 'custom' }: Props) {
  const label = useCustomFieldLabel()
  return (
    <Row gutter={16}>
      {defs.map((def) => (
        <Col key={def.key} xs={24} sm={def.type === 'long_text' ? 24 : 12}>
          <Form.Item
            name={[name, def.key]}
            label={label(def)}
            valuePropName={customValuePropName(def)}
            rules={def.isRequired && def.type !== 'boolean' ? [{ required: true }] : undefined}
            required={def.isRequired}
          >
            <CustomFieldInput def={def} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  )
}
