import { Alert, Button, Flex, Form, Select, Space, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { isMappingRemembered, sampleValues } from '../api/import-steps.ts'
import { type Import, updateImport } from '../api/imports-api.ts'
import { useImports } from '../hooks/use-imports.ts'
import { CLIENT_TARGETS, CONTACT_TARGETS, SKIP, useTargetOptions } from '../hooks/use-target-options.ts'

interface Props {
  item: Import
  onBack: () => void
  onSaved: (item: Import) => void
  /** The record changed meanwhile: fetch it again. */
  onReload: () => void
}

interface Values {
  mapping: string[]
}

interface ColumnRow {
  index: number
  header: string
  samples: string[]
}

/** Fields one column at most may fill (a classifier or custom field may come from several). */
const SINGLE = new Set<string>([...CLIENT_TARGETS, ...CONTACT_TARGETS])

/** The second step: every column of the file, its first values, and the field it goes to. */
export function MappingStep({ item, onBack, onSaved, onReload }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { options, labelOf } = useTargetOptions()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const mapping = Form.useWatch('mapping', form)
  const earlier = useImports()
  const remembered = useMemo(() => isMappingRemembered(item, earlier.data ?? []), [item, earlier.data])
  const rows = useMemo<ColumnRow[]>(
    () => item.headers.map((header, index) => ({ index, header, samples: sampleValues(item.sample, index) })),
    [item.headers, item.sample],
  )
  const initial = useMemo<Values>(
    () => ({ mapping: item.headers.map((_, i) => item.mapping[i] ?? SKIP) }),
    [item.headers, item.mapping],
  )

  const repeated = useMemo(() => {
    const seen = new Map<string, number>()
    for (const target of mapping ?? []) if (SINGLE.has(target)) seen.set(target, (seen.get(target) ?? 0) + 1)
    return [...seen].filter(([, n]) => n > 1).map(([target]) => labelOf(target))
  }, [mapping, labelOf])
  const chosen = (mapping ?? initial.mapping).filter((v) => v !== SKIP).length

  const save = async (values: Values) => {
    setError(null)
    setBusy(true)
    try {
      const next = values.mapping.map((v) => (v === SKIP ? null : v))
      onSaved(await updateImport(item.id, item.version, { mapping: next }))
    } catch (e) {
      const shown = applyFieldErrors(
        form,
        e,
        (path) => {
          const [head, index] = path.split('.')
          return head === 'mapping' && index !== undefined && /^\d+$/.test(index)
            ? ['mapping', Number(index)]
            : null
        },
        (left) => {
          if (left.length) setError(e)
        },
      )
      if (!shown) setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form form={form} initialValues={initial} onFinish={(v) => void save(v)} key={item.version}>
      {remembered && (
        <Alert
          type="info"
          showIcon
          title={t('imports.mapping.remembered')}
          style={{ marginBottom: 16 }}
          data-testid="import-mapping-remembered"
        />
      )}
      <Typography.Paragraph type="secondary">{t('imports.mapping.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} onReload={onReload} />
      <Table<ColumnRow>
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="import-mapping"
        columns={[
          {
            key: 'header',
            title: t('imports.mapping.column'),
            width: '30%',
            render: (_, row) => (
              <Typography.Text strong>
                {row.header || t('imports.mapping.noHeader', { n: row.index + 1 })}
              </Typography.Text>
            ),
          },
          {
            key: 'samples',
            title: t('imports.mapping.samples'),
            render: (_, row) =>
              row.samples.length ? (
                <Space size={[4, 4]} wrap>
                  {row.samples.map((s) => (
                    <Tag key={s} style={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {s}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('imports.mapping.emptyColumn')}</Typography.Text>
              ),
          },
          {
            key: 'target',
            title: t('imports.mapping.target'),
            width: '35%',
            render: (_, row) => (
              <Form.Item name={['mapping', row.index]} style={{ margin: 0 }}>
                <Select<string>
                  aria-label={row.header}
                  options={options}
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: '100%' }}
                  data-testid={`import-target-${row.index}`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      {repeated.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.mapping.repeated', { fields: repeated.join(', ') })}
          style={{ marginTop: 16 }}
        />
      )}
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }} gap={8} wrap>
        <Typography.Text type="secondary">
          {t('imports.mapping.chosen', { count: chosen, total: item.headers.length })}
        </Typography.Text>
        <Space>
          <Button onClick={onBack}>{t('imports.back')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="import-next">
            {t('imports.next')}
          </Button>
        </Space>
      </Flex>
    </Form>
  )
}
