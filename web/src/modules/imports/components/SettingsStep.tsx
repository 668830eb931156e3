import { Button, Checkbox, Flex, Form, Radio, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { UserSelect } from '../../staff/components/UserSelect.tsx'
import {
  checkImport,
  type DuplicatePolicy,
  type Import,
  type ImportKind,
  type ImportSettings,
  type MatchKey,
  updateImport,
} from '../api/imports-api.ts'

interface Props {
  item: Import
  onBack: () => void
  /** The settings were saved and the dry run started (or already done: then with the checked import). */
  onChecking: (item: Import | null) => void
  onReload: () => void
}

const KINDS: ImportKind[] = ['organization', 'person', 'auto']
const MATCH_KEYS: MatchKey[] = ['inn', 'email', 'phone', 'externalId', 'name']
const POLICIES: DuplicatePolicy[] = ['skip', 'update_empty', 'overwrite', 'create']

/** The third step: what the rows are, how to recognize clients already here, and what to do with them. */
export function SettingsStep({ item, onBack, onChecking, onReload }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<ImportSettings>()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const policy = Form.useWatch('policy', form)

  const submit = async (settings: ImportSettings) => {
    setError(null)
    setBusy(true)
    try {
      const saved = await updateImport(item.id, item.version, { settings })
      const checked = await checkImport(saved.id)
      onChecking('status' in checked ? checked : null)
    } catch (e) {
      const shown = applyFieldErrors(form, e, (path) => {
        const [head, name] = path.split('.')
        return head === 'settings' && name ? name : null
      })
      if (!shown) setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form<ImportSettings>
      form={form}
      layout="vertical"
      initialValues={item.settings}
      onFinish={(v) => void submit(v)}
      key={item.version}
      style={{ maxWidth: 760 }}
    >
      <ErrorAlert error={error} onReload={onReload} />
      <Form.Item name="kind" label={t('imports.settings.kind')}>
        <Radio.Group
          optionType="button"
          options={KINDS.map((k) => ({ value: k, label: t(`imports.settings.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="matchBy"
        label={t('imports.settings.matchBy')}
        extra={t('imports.settings.matchByHint')}
        rules={[{ required: policy !== 'create', message: t('imports.settings.matchByRequired') }]}
      >
        <Checkbox.Group
          options={MATCH_KEYS.map((k) => ({ value: k, label: t(`imports.settings.match.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="policy" label={t('imports.settings.policy')}>
        <Radio.Group>
          <Space orientation="vertical">
            {POLICIES.map((p) => (
              <Radio key={p} value={p} data-testid={`import-policy-${p}`}>
                <Typography.Text strong>{t(`imports.settings.policies.${p}`)}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t(`imports.settings.policyHints.${p}`)}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="ownerId" label={t('imports.settings.owner')} extra={t('imports.settings.ownerHint')}>
        <UserSelect placeholder={t('imports.settings.ownerSelf')} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onBack}>{t('imports.back')}</Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="import-check">
          {t('imports.settings.check')}
        </Button>
      </Flex>
    </Form>
  )
}
