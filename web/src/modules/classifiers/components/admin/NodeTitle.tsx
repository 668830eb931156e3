import {
  DeleteOutlined,
  EditOutlined,
  FunctionOutlined,
  MoreOutlined,
  PlusOutlined,
  SubnodeOutlined,
} from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Dropdown, Flex, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../../ui/api.ts'
import { useFormat } from '../../../../ui/use-format.ts'
import { type ClassifierNode, classifierKeys, updateNode } from '../../api/classifiers-api.ts'
import { useClassifierName } from '../../hooks/use-classifiers.ts'
import { NodeColorInput } from './NodeColorInput.tsx'

export type NodeAction = 'addChild' | 'addSibling' | 'edit' | 'delete'

interface Props {
  node: ClassifierNode
  /** Clients in the node and below it; undefined while unknown. */
  count: number | undefined
  onAction: (action: NodeAction, node: ClassifierNode) => void
}

const ACTIONS: readonly NodeAction[] = ['addChild', 'addSibling', 'edit', 'delete']

/** A node in the tree: its colour (click to change), name, rule mark, number of clients, and actions. */
export function NodeTitle({ node, count, onAction }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const queryClient = useQueryClient()
  const name = useClassifierName()(node)
  const [color, setColor] = useState(node.color)
  const recolor = useMutation({
    mutationFn: (next: string) => updateNode(node, { color: next }),
    onError: (error) => {
      setColor(node.color)
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: classifierKeys.all }),
  })

  return (
    <Flex align="center" gap={8} data-node-id={node.id}>
      <NodeColorInput
        value={color}
        onChange={setColor}
        onOpenChange={(open) => {
          if (!open && color !== node.color) recolor.mutate(color)
        }}
      >
        <button
          type="button"
          aria-label={t('classifiers.node.colorOf', { name })}
          className="mm-node-color"
          style={{
            width: 14,
            height: 14,
            padding: 0,
            borderRadius: '50%',
            cursor: 'pointer',
            background: color || 'transparent',
            border: color ? `1px solid ${color}` : '1px dashed #bfbfbf',
          }}
        />
      </NodeColorInput>
      <span className="mm-node-name">{name}</span>
      {node.rule && (
        <Tooltip title={t('classifiers.node.ruleMark')}>
          <FunctionOutlined aria-label={t('classifiers.node.ruleMark')} style={{ color: '#722ed1' }} />
        </Tooltip>
      )}
      {count !== undefined && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('classifiers.node.clients', { count, formatted: format.number(count) })}
        </Typography.Text>
      )}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'addChild', icon: <SubnodeOutlined />, label: t('classifiers.node.addChild') },
            { key: 'addSibling', icon: <PlusOutlined />, label: t('classifiers.node.addSibling') },
            { key: 'edit', icon: <EditOutlined />, label: t('classifiers.node.edit') },
            { type: 'divider' },
            { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('common.delete') },
          ],
          onClick: ({ key }) => {
            const action = ACTIONS.find((a) => a === key)
            if (action) onAction(action, node)
          },
        }}
      >
        <Button
          type="text"
          size="small"
          icon={<MoreOutlined />}
          aria-label={t('classifiers.node.actionsOf', { name })}
        />
      </Dropdown>
    </Flex>
  )
}
