import type { ClassifierUpdate } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Checkbox, Col, Flex, Form, Input, Modal, Row } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../../ui/apply-field-errors.ts'
import { changedFields } from '../../../../ui/changed-fields.ts'
import { ErrorAlert } from '../../../../ui/ErrorAlert.tsx'
import {
  type Classifier,
  classifierKeys,
  createClassifier,
  updateClassifier,
} from '../../api/classifiers-api.ts'
import { useClassifierName } from '../../hooks/use-classifiers.ts'

interface Values {
  nameRu: string
  nameEn: string
  description?: string
  multiple?: boolean
  required?: boolean
}

interface Props {
  /** The classifier to change; a new one is added when it is 'new'; the modal is closed on null. */
  target: Classifier | 'new' | null
  onClose: () => void
  onSaved: (classifier: Classifier) => void
  onReload: () => void
}

function fieldOf(path: string): string | null {
  if (path === 'name.ru') return 'nameRu'
  if (path === 'name.en') return 'nameEn'
  return ['description', 'multiple', 'required'].includes(path) ? path : null
}

/** A classifier's name in both languages, description, and how clients sit in it, in a modal. */
export function ClassifierModal({ target, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation()
  const name = useClassifierName()
  const classifier = target === 'new' || target === null ? undefined : target
  return (
    <Modal
      open={target !== null}
      title={classifier ? name(classifier) : t('classifiers.create')}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
    >
      {target !== null && (
        <ClassifierForm
          key={classifier ? `${classifier.id}:${classifier.version}` : 'new'}
          classifier={classifier}
          onSaved={onSaved}
          onReload={onReload}
          onCancel={onClose}
        />
      )}
    </Modal>
  )
}

function ClassifierForm({
  classifier,
  onSaved,
  onReload,
  onCancel,
}: {
  classifier?: Classifier
  onSaved: (classifier: Classifier) => void
  onReload: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [showError, setShowError] = useState(true)

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<Classifier> => {
      const body = {
        name: { ru: v.nameRu.trim(), en: v.nameEn.trim() },
        description: v.description?.trim() ?? '',
        multiple: Boolean(v.multiple),
        required: Boolean(v.required),
      }
      if (!classifier) return createClassifier(body)
      const patch = changedFields<ClassifierUpdate>(classifier, body)
      return Object.keys(patch).length
        ? updateClassifier(classifier.id, classifier.version, patch)
        : classifier
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => onSaved(saved),
    onError: (error) => setShowError(!applyFieldErrors(form, error, fieldOf)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: classifierKeys.all }),
  })

  return (
    <Form<Values>
      form={form}
      name="classifier"
      layout="vertical"
      initialValues={
        classifier
          ? {
              nameRu: classifier.name.ru,
              nameEn: classifier.name.en,
              description: classifier.description,
              multiple: classifier.multiple,
              required: classifier.required,
            }
          : { multiple: false, required: false }
      }
      disabled={mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} onReload={onReload} />}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="nameRu"
            label={t('classifiers.fields.nameRu')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="nameEn"
            label={t('classifiers.fields.nameEn')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('classifiers.fields.description')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        name="multiple"
        valuePropName="checked"
        extra={t('classifiers.hints.multiple')}
        style={{ marginBottom: 12 }}
      >
        <Checkbox>{t('classifiers.fields.multiple')}</Checkbox>
      </Form.Item>
      <Form.Item name="required" valuePropName="checked" extra={t('classifiers.hints.required')}>
        <Checkbox>{t('classifiers.fields.required')}</Checkbox>
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  )
}
