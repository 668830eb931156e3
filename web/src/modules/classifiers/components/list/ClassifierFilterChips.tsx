import { Button, Flex, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Classifier } from '../../api/classifiers-api.ts'
import { useClassifierName } from '../../hooks/use-classifiers.ts'
import { type FacetSelection, nodePath, toggleIn, toggleNotIn } from './facet-selection.ts'
import { NodeDot } from './NodeDot.tsx'

interface Props {
  classifiers: Classifier[]
  selection: FacetSelection
  onChange: (selection: FacetSelection) => void
}

/** The classifier filters in force, as chips above the list; closing one drops it. */
export function ClassifierFilterChips({ classifiers, selection, onChange }: Props) {
  const { t } = useTranslation()
  const name = useClassifierName()
  const chips = [
    ...selection.classIn.map((id) => ({ id, excluded: false })),
    ...selection.classNotIn.map((id) => ({ id, excluded: true })),
  ].flatMap(({ id, excluded }) => {
    const classifier = classifiers.find((c) => c.nodes.some((n) => n.id === id))
    const node = classifier?.nodes.find((n) => n.id === id)
    return classifier && node ? [{ classifier, node, excluded }] : []
  })
  if (!chips.length) return null

  return (
    <Flex gap={4} wrap align="center" style={{ marginBottom: 12 }} data-testid="classifier-chips">
      {chips.map(({ classifier, node, excluded }) => {
        const path = nodePath(classifier, node.id, name)
        const label = excluded
          ? t('clients.facets.chipNotIn', { classifier: name(classifier), node: path })
          : t('clients.facets.chipIn', { classifier: name(classifier), node: path })
        return (
          <Tag
            key={`${excluded ? '-' : ''}${node.id}`}
            closable
            color={excluded ? 'red' : undefined}
            onClose={(e) => {
              e.preventDefault()
              onChange(
                excluded ? toggleNotIn(selection, node.id, false) : toggleIn(selection, node.id, false),
              )
            }}
          >
            <Flex align="center" component="span" style={{ display: 'inline-flex' }}>
              <NodeDot color={node.color} />
              {label}
            </Flex>
          </Tag>
        )
      })}
      {chips.length > 1 && (
        <Button type="link" size="small" onClick={() => onChange({ classIn: [], classNotIn: [] })}>
          {t('clients.facets.clearAll')}
        </Button>
      )}
    </Flex>
  )
}
