import {
  ApartmentOutlined,
  ArrowDownOutlined,
  ArrowUpOutlined,
  CloseOutlined,
  SortAscendingOutlined,
} from '@ant-design/icons'
import type { CustomField } from '@mmcrm/server/api-types'
import { Badge, Button, Flex, Popover, Segmented, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Classifier } from '../../classifiers/api/classifiers-api.ts'
import { useClassifierName } from '../../classifiers/hooks/use-classifiers.ts'
import { useCustomFieldLabel } from '../../custom-fields/hooks/use-custom-fields.ts'
import {
  type ClientSortColumn,
  classSortId,
  isClassSort,
  isSortColumn,
  normalizeSort,
  type SortEntry,
  STANDARD_SORT_KEYS,
} from '../hooks/use-client-list-state.ts'
import { moveSortEntry } from './sort-entries.ts'

interface Props {
  sort: SortEntry[]
  /** Classifiers with nodes: each can sort by the order of its nodes. */
  classifiers: Classifier[]
  defs: CustomField[] | undefined
  onChange: (sort: SortEntry[]) => void
}

type Direction = 'asc' | 'desc'

/** Sorting by several keys at once, in the order listed; classifier orders always come first. */
export function SortBuilder({ sort, classifiers, defs, onChange }: Props) {
  const { t } = useTranslation()
  const classifierName = useClassifierName()
  const fieldLabel = useCustomFieldLabel()

  const label = (key: ClientSortColumn): string => {
    if (isClassSort(key)) {
      const c = classifiers.find((x) => x.id === classSortId(key))
      return c ? classifierName(c) : t('clients.sortBuilder.unknownClassifier')
    }
    if (key.startsWith('custom:')) {
      const def = defs?.find((d) => d.key === key.slice(7))
      return def ? fieldLabel(def) : key.slice(7)
    }
    return t(`clients.fields.${key}`)
  }

  const used = new Set(sort.map((s) => s.key))
  const groups = [
    {
      label: t('clients.sortBuilder.classifiers'),
      title: t('clients.sortBuilder.classifiers'),
      options: classifiers
        .filter((c) => c.nodes.length > 0)
        .map((c) => ({
          value: `class:${c.id}`,
          label: t('clients.sortBuilder.byClassifier', { name: classifierName(c) }),
        })),
    },
    {
      label: t('clients.sortBuilder.fields'),
      title: t('clients.sortBuilder.fields'),
      options: STANDARD_SORT_KEYS.map((key) => ({ value: key, label: t(`clients.fields.${key}`) })),
    },
    {
      label: t('customFields.title'),
      title: t('customFields.title'),
      options: (defs ?? []).map((d) => ({ value: `custom:${d.key}`, label: fieldLabel(d) })),
    },
  ]
    .map((g) => ({ ...g, options: g.options.filter((o) => !used.has(o.value as ClientSortColumn)) }))
    .filter((g) => g.options.length > 0)

  const setDirection = (index: number, direction: Direction) =>
    onChange(sort.map((s, i) => (i === index ? { ...s, desc: direction === 'desc' } : s)))

  const content = (
    <Flex vertical gap={8} style={{ width: 440, maxWidth: '80vw' }} data-testid="sort-builder">
      {sort.length === 0 && (
        <Typography.Text type="secondary">{t('clients.sortBuilder.empty')}</Typography.Text>
      )}
      {sort.map((entry, index) => {
        const byClass = isClassSort(entry.key)
        const name = label(entry.key)
        return (
          <Flex key={entry.key} align="center" gap={4} data-testid="sort-entry">
            <Typography.Text type="secondary" style={{ width: 18 }}>{`${index + 1}.`}</Typography.Text>
            {byClass && (
              <ApartmentOutlined aria-hidden style={{ color: 'var(--ant-color-text-secondary)' }} />
            )}
            <Typography.Text
              ellipsis={{ tooltip: byClass ? t('clients.sortBuilder.byClassifier', { name }) : name }}
              style={{ flex: 1 }}
            >
              {name}
            </Typography.Text>
            <Segmented<Direction>
              size="small"
              aria-label={t('clients.sortBuilder.direction', { name })}
              value={entry.desc ? 'desc' : 'asc'}
              onChange={(value) => setDirection(index, value)}
              options={[
                {
                  value: 'asc',
                  label: byClass ? t('clients.sortBuilder.classAsc') : t('clients.sortBuilder.asc'),
                },
                {
                  value: 'desc',
                  label: byClass ? t('clients.sortBuilder.classDesc') : t('clients.sortBuilder.desc'),
                },
              ]}
            />
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={t('clients.sortBuilder.up', { name })}
              disabled={moveSortEntry(sort, index, -1) === null}
              onClick={() => onChange(moveSortEntry(sort, index, -1) ?? sort)}
            />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={t('clients.sortBuilder.down', { name })}
              disabled={moveSortEntry(sort, index, 1) === null}
              onClick={() => onChange(moveSortEntry(sort, index, 1) ?? sort)}
            />
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('clients.sortBuilder.remove', { name })}
              onClick={() => onChange(sort.filter((_, i) => i !== index))}
            />
          </Flex>
        )
      })}
      {groups.length > 0 && (
        <Select<string>
          aria-label={t('clients.sortBuilder.add')}
          placeholder={t('clients.sortBuilder.add')}
          value={null}
          options={groups}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(key) => {
            if (isSortColumn(key)) onChange(normalizeSort([...sort, { key, desc: false }]))
          }}
        />
      )}
      {classifiers.some((c) => c.nodes.length > 0) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('clients.sortBuilder.classFirst')}
        </Typography.Text>
      )}
      {sort.length > 0 && (
        <Flex justify="flex-end">
          <Button size="small" onClick={() => onChange([])}>
            {t('clients.sortBuilder.reset')}
          </Button>
        </Flex>
      )}
    </Flex>
  )

  return (
    <Popover trigger="click" placement="bottomRight" title={t('clients.sortBuilder.title')} content={content}>
      <Badge count={sort.length} size="small" color="blue">
        <Button icon={<SortAscendingOutlined />}>{t('clients.sortBuilder.button')}</Button>
      </Badge>
    </Popover>
  )
}
