import { PlusOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Drawer, Empty, Tree, type TreeDataNode, type TreeProps, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../../ui/api.ts'
import { type Classifier, type ClassifierNode, classifierKeys, moveNode } from '../../api/classifiers-api.ts'
import { type NodeTree, nodeTree, useClassifierName } from '../../hooks/use-classifiers.ts'
import { NodeDeleteModal } from './NodeDeleteModal.tsx'
import { NodeForm, type NodePlacement } from './NodeForm.tsx'
import { type NodeAction, NodeTitle } from './NodeTitle.tsx'
import { placeDrop } from './tree-drop.ts'

interface Props {
  classifier: Classifier
  counts: Map<number, number> | undefined
  onReload: () => void
}

interface TreeItem extends TreeDataNode {
  key: number
  title: string
  node: ClassifierNode
  children: TreeItem[]
}

type Editing = { kind: 'new'; placement: NodePlacement } | { kind: 'edit'; id: number } | null

function toItems(trees: NodeTree[], name: (n: ClassifierNode) => string): TreeItem[] {
  return trees.map((t) => ({
    key: t.node.id,
    title: name(t.node),
    node: t.node,
    children: toItems(t.children, name),
  }))
}

/** A classifier's nodes as a tree: dragged to move and reorder, each with its own actions. */
export function ClassifierTree({ classifier, counts, onReload }: Props) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const queryClient = useQueryClient()
  const name = useClassifierName()
  const items = useMemo(() => toItems(nodeTree(classifier), name), [classifier, name])
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set())
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<number | null>(null)
  const byId = (id: number | null) => classifier.nodes.find((n) => n.id === id)
  // Forms work on the fresh node (its version), not the one captured when they opened.
  const editNode = editing?.kind === 'edit' ? byId(editing.id) : undefined
  const deleteTarget = deleting === null ? null : (byId(deleting) ?? null)

  const move = useMutation({
    mutationFn: (m: { node: ClassifierNode; parentId: number | null; position: number }) =>
      moveNode(m.node, m.parentId, m.position),
    onError: (error) => {
      if (isApiError(error) && error.code === 'precondition_failed') {
        modal.confirm({
          title: t('errors.staleTitle'),
          content: t('classifiers.tree.stale'),
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: onReload,
        })
        return
      }
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: classifierKeys.all }),
  })

  const onDrop: TreeProps<TreeItem>['onDrop'] = (info) => {
    const node = byId(Number(info.dragNode.key))
    const placement = placeDrop(classifier.nodes, {
      dragId: Number(info.dragNode.key),
      dropId: Number(info.node.key),
      dropToGap: info.dropToGap,
      dropPosition: info.dropPosition,
      dropPos: info.node.pos,
      dropExpanded: info.node.expanded,
    })
    if (!node || !placement) return
    if (placement.parentId !== null) {
      const parent = placement.parentId
      setCollapsed((prev) => new Set([...prev].filter((id) => id !== parent)))
    }
    move.mutate({ node, ...placement })
  }

  const siblingIndex = (node: ClassifierNode) =>
    classifier.nodes
      .filter((n) => n.parentId === node.parentId)
      .sort((a, b) => a.position - b.position)
      .findIndex((n) => n.id === node.id)

  const onAction = (action: NodeAction, node: ClassifierNode) => {
    if (action === 'addChild') {
      setCollapsed((prev) => new Set([...prev].filter((id) => id !== node.id)))
      setEditing({ kind: 'new', placement: { parentId: node.id } })
    }
    if (action === 'addSibling')
      setEditing({ kind: 'new', placement: { parentId: node.parentId, position: siblingIndex(node) + 1 } })
    if (action === 'edit') setEditing({ kind: 'edit', id: node.id })
    if (action === 'delete') setDeleting(node.id)
  }

  let drawerTitle = t('classifiers.node.create')
  if (editNode) drawerTitle = name(editNode)
  else if (editing?.kind === 'new' && editing.placement.parentId !== null) {
    const parent = byId(editing.placement.parentId)
    if (parent) drawerTitle = t('classifiers.node.createIn', { name: name(parent) })
  }

  return (
    <Card
      title={t('classifiers.tree.title', { name: name(classifier) })}
      extra={
        <Button
          icon={<PlusOutlined />}
          onClick={() => setEditing({ kind: 'new', placement: { parentId: null } })}
        >
          {t('classifiers.node.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('classifiers.tree.orderHint')}</Typography.Paragraph>
      {items.length === 0 ? (
        <Empty description={t('classifiers.tree.empty')} />
      ) : (
        <Tree<TreeItem>
          className="mm-classifier-tree"
          treeData={items}
          draggable
          blockNode
          selectable={false}
          disabled={move.isPending}
          expandedKeys={classifier.nodes.filter((n) => !collapsed.has(n.id)).map((n) => n.id)}
          onExpand={(keys) => {
            const open = new Set(keys.map(Number))
            setCollapsed(new Set(classifier.nodes.filter((n) => !open.has(n.id)).map((n) => n.id)))
          }}
          onDrop={onDrop}
          titleRender={(item) => (
            <NodeTitle
              key={`${item.node.id}:${item.node.version}`}
              node={item.node}
              count={counts?.get(item.node.id)}
              onAction={onAction}
            />
          )}
        />
      )}
      <Drawer
        open={editing !== null}
        title={drawerTitle}
        onClose={() => setEditing(null)}
        size={720}
        destroyOnHidden
      >
        {editing !== null && (editing.kind === 'new' || editNode) && (
          <NodeForm
            key={editNode ? `${editNode.id}:${editNode.version}` : 'new'}
            classifier={classifier}
            node={editNode}
            placement={editing.kind === 'new' ? editing.placement : undefined}
            onReload={onReload}
            onSaved={(saved) => {
              message.success(
                t(editNode ? 'classifiers.node.saved' : 'classifiers.node.created', { name: name(saved) }),
              )
              setEditing(null)
            }}
          />
        )}
      </Drawer>
      <NodeDeleteModal
        classifier={classifier}
        node={deleteTarget}
        count={deleteTarget ? counts?.get(deleteTarget.id) : undefined}
        onClose={() => setDeleting(null)}
        onReload={onReload}
      />
    </Card>
  )
}
