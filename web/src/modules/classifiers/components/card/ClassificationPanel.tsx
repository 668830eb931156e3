import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Card, Empty, Flex, Form, Skeleton, Tag, Tooltip, TreeSelect, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../../ui/api.ts'
import { ErrorAlert } from '../../../../ui/ErrorAlert.tsx'
import {
  type Classifier,
  type ClientClassification,
  classifierKeys,
  fetchClientClassification,
  setClientClassification,
} from '../../api/classifiers-api.ts'
import { useClassifierName } from '../../hooks/use-classifiers.ts'
import { nodePath } from '../list/facet-selection.ts'
import { NodeDot } from '../list/NodeDot.tsx'
import { useNodeTreeOptions } from '../list/use-node-tree-options.tsx'

interface Props {
  clientId: number
  /** The client's version: a change of classification is a change of the client. */
  version: number
  classifiers: Classifier[]
  canWrite: boolean
  /** The client's new version after a save. */
  onSaved: (version: number) => void
  /** The client changed meanwhile (412): read it again. */
  onReload: () => void
}

interface Change {
  classifierId: number
  nodeIds: number[]
}

/**
 * Where the client sits in each classifier: hand-placed categories edited with a tree selector and
 * saved at once; rule categories shown with the reason; a required classifier left empty is flagged.
 */
export function ClassificationPanel({ clientId, version, classifiers, canWrite, onSaved, onReload }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const name = useClassifierName()
  const treeOptions = useNodeTreeOptions()
  const [stale, setStale] = useState<unknown>(null)
  const memberships = useQuery({
    queryKey: classifierKeys.client(clientId),
    queryFn: () => fetchClientClassification(clientId),
    staleTime: 0,
  })

  // Saves run one after another, each with the version the previous one returned.
  const latest = useRef(version)
  useEffect(() => {
    latest.current = Math.max(latest.current, version)
  }, [version])
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  // What each classifier shows while its save is on the way.
  const [pending, setPending] = useState<Record<number, number[]>>({})

  const mutation = useMutation({
    mutationFn: ({ classifierId, nodeIds }: Change) => {
      const run = queue.current
        .catch(() => undefined)
        .then(() => setClientClassification(clientId, latest.current, classifierId, nodeIds))
        .then((result) => {
          latest.current = result.version
          return result
        })
      queue.current = run
      return run
    },
    onMutate: ({ classifierId, nodeIds }) => {
      setStale(null)
      setPending((p) => ({ ...p, [classifierId]: nodeIds }))
    },
    onSuccess: (result) => {
      queryClient.setQueryData(classifierKeys.client(clientId), result.items)
      void queryClient.invalidateQueries({ queryKey: classifierKeys.clientHistory(clientId) })
      void queryClient.invalidateQueries({ queryKey: [...classifierKeys.all, 'client-as-of', clientId] })
      onSaved(result.version)
      message.success(t('clients.classification.saved'))
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'precondition_failed') setStale(error)
      else message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
    },
    onSettled: (_, __, { classifierId, nodeIds }) =>
      setPending((p) => {
        if (p[classifierId] !== nodeIds) return p
        const { [classifierId]: _done, ...rest } = p
        return rest
      }),
  })

  if (memberships.error && !memberships.data) return <ErrorAlert error={memberships.error} />
  if (!memberships.data) return <Skeleton active />
  if (classifiers.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clients.classification.none')} />

  const row = (c: Classifier) => {
    const own = memberships.data.filter((m) => m.classifierId === c.id)
    const manual = own.filter((m) => !m.byRule).map((m) => m.nodeId)
    const ruled = own.filter((m) => m.byRule)
    const value = pending[c.id] ?? manual
    const missing = c.required && own.length === 0
    // An exclusive classifier already filled by a rule takes no hand-placed category besides.
    const lockedByRule = !c.multiple && ruled.length > 0
    const label = name(c)
    return (
      <Form.Item
        key={c.id}
        label={
          <Flex gap={4} align="center">
            {label}
            {c.description && (
              <Tooltip title={c.description}>
                <Typography.Text type="secondary" style={{ cursor: 'help' }}>
                  ?
                </Typography.Text>
              </Tooltip>
            )}
          </Flex>
        }
        required={c.required}
        htmlFor={`classification-${c.id}`}
        validateStatus={missing ? 'warning' : undefined}
        help={missing ? t('clients.classification.requiredMissing') : undefined}
        extra={lockedByRule ? t('clients.classification.lockedByRule') : undefined}
        style={{ marginBottom: 16 }}
      >
        <Flex vertical gap={6}>
          {ruled.length > 0 && <RuleTags classifier={c} items={ruled} />}
          <TreeSelect<number | number[]>
            id={`classification-${c.id}`}
            aria-label={label}
            multiple={c.multiple}
            allowClear
            value={c.multiple ? value : (value[0] ?? undefined)}
            treeData={treeOptions(c)}
            treeNodeLabelProp="label"
            showSearch={{ treeNodeFilterProp: 'search' }}
            treeDefaultExpandAll={c.nodes.length <= 40}
            placeholder={canWrite ? t('clients.classification.choose') : t('common.empty')}
            disabled={!canWrite || lockedByRule}
            loading={pending[c.id] !== undefined}
            onChange={(next) => {
              const nodeIds = next === undefined || next === null ? [] : Array.isArray(next) ? next : [next]
              mutation.mutate({ classifierId: c.id, nodeIds })
            }}
            style={{ width: '100%' }}
          />
        </Flex>
      </Form.Item>
    )
  }

  return (
    <Card title={t('clients.classification.title')} size="small" data-testid="classification-panel">
      {stale !== null && (
        <ErrorAlert
          error={stale}
          onReload={() => {
            setStale(null)
            onReload()
            void memberships.refetch()
          }}
        />
      )}
      <Form layout="vertical" component="div">
        {[...classifiers].sort((a, b) => a.position - b.position || a.id - b.id).map(row)}
      </Form>
    </Card>
  )
}

/** The rule categories a client sits in; hovering tells why. */
function RuleTags({ classifier, items }: { classifier: Classifier; items: ClientClassification[] }) {
  const { t } = useTranslation()
  const name = useClassifierName()
  return (
    <Flex gap={4} wrap>
      {items.map((m) => {
        const node = classifier.nodes.find((n) => n.id === m.nodeId)
        if (!node) return null
        return (
          <Tooltip
            key={m.nodeId}
            title={
              <>
                <div>{t('clients.classification.byRuleWhy')}</div>
                {m.why.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </>
            }
          >
            <Tag data-testid="rule-node">
              <Flex align="center" component="span" style={{ display: 'inline-flex' }}>
                <NodeDot color={node.color} />
                {nodePath(classifier, node.id, name)}
                <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                  {t('clients.classification.byRule')}
                </Typography.Text>
              </Flex>
            </Tag>
          </Tooltip>
        )
      })}
    </Flex>
  )
}
