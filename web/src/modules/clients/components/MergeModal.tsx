import { SwapOutlined } from '@ant-design/icons'
import type { ClientCard } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Modal,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { contactKeys } from '../../contacts/api/contacts-api.ts'
import { clientKeys } from '../api/client-keys.ts'
import { mergeClient } from '../api/clients-api.ts'
import { useClient } from '../hooks/use-client-queries.ts'
import { ClientSearchSelect } from './ClientSearchSelect.tsx'
import { CompletenessProgress } from './CompletenessProgress.tsx'

interface Props {
  /** The client whose card is open: it stays unless the employee swaps the two. */
  target: ClientCard
  open: boolean
  /** A duplicate chosen beforehand (from the duplicates warning). */
  initialSourceId?: number
  onClose: () => void
  /** The client that stayed, with everything moved to it. */
  onMerged: (kept: ClientCard) => void
}

function Side({ client, stays }: { client: ClientCard; stays: boolean }) {
  const { t } = useTranslation()
  const none = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
  return (
    <Card
      size="small"
      data-testid={stays ? 'merge-kept' : 'merge-removed'}
      title={
        <Flex gap={8} align="center" wrap>
          <Tag color={stays ? 'green' : 'red'}>
            {stays ? t('clients.merge.stays') : t('clients.merge.goesToTrash')}
          </Tag>
          <Link to={`/clients/${client.id}`} target="_blank">
            {client.name}
          </Link>
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'inn', label: t('clients.fields.inn'), children: client.inn ?? none },
          {
            key: 'owner',
            label: t('clients.fields.owner'),
            children: client.owner?.name ?? none,
          },
          {
            key: 'completeness',
            label: t('clients.fields.completeness'),
            children: <CompletenessProgress percent={client.completeness} />,
          },
        ]}
      />
    </Card>
  )
}

/**
 * Merges a duplicate into a client: the two side by side, which one stays and which goes to the
 * trash; contact persons, channels, notes, files and consents move to the one that stays.
 */
export function MergeModal({ target, open, initialSourceId, onClose, onMerged }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [sourceId, setSourceId] = useState<number | undefined>(initialSourceId)
  const [swapped, setSwapped] = useState(false)
  useEffect(() => {
    if (open) {
      setSourceId(initialSourceId)
      setSwapped(false)
    }
  }, [open, initialSourceId])
  const source = useClient(open && sourceId !== undefined ? sourceId : null)
  const other = source.data && source.data.id === sourceId ? source.data : undefined
  const kept = swapped && other ? other : target
  const removed = swapped ? target : other

  const mutation = useMutation({
    mutationFn: () => {
      if (!removed) throw new Error('no client to merge')
      return mergeClient(kept.id, kept.version, removed.id)
    },
    onSuccess: (card) => {
      queryClient.setQueryData(clientKeys.one(card.id), card)
      void queryClient.invalidateQueries({ queryKey: clientKeys.all })
      void queryClient.invalidateQueries({ queryKey: contactKeys.all })
      void queryClient.invalidateQueries({ queryKey: ['notes'] })
      void queryClient.invalidateQueries({ queryKey: ['files'] })
      message.success(t('clients.merge.merged', { removed: removed?.name ?? '', kept: card.name }))
      onMerged(card)
    },
  })
  const close = () => {
    mutation.reset()
    onClose()
  }
  const reload = () => {
    mutation.reset()
    void queryClient.invalidateQueries({ queryKey: clientKeys.one(target.id) })
    if (sourceId !== undefined) void queryClient.invalidateQueries({ queryKey: clientKeys.one(sourceId) })
  }

  return (
    <Modal
      open={open}
      width={760}
      title={t('clients.merge.title', { name: target.name })}
      okText={t('clients.merge.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !removed, danger: true }}
      onOk={() => mutation.mutate()}
      onCancel={close}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('clients.merge.text')}</Typography.Paragraph>
      <Form layout="vertical" disabled={mutation.isPending}>
        <Form.Item label={t('clients.merge.source')} htmlFor="merge_source">
          <ClientSearchSelect
            id="merge_source"
            kind={target.kind}
            excludeId={target.id}
            value={sourceId}
            selectedName={other?.name}
            placeholder={t('clients.merge.sourcePlaceholder')}
            onChange={(id) => {
              mutation.reset()
              setSourceId(id)
            }}
          />
        </Form.Item>
      </Form>
      {mutation.error && <ErrorAlert error={mutation.error} onReload={reload} />}
      {sourceId !== undefined && !other && source.error ? <ErrorAlert error={source.error} /> : null}
      {sourceId !== undefined && !other && !source.error && <Skeleton active paragraph={{ rows: 3 }} />}
      {removed && (
        <>
          <Row gutter={16} align="middle" wrap={false}>
            <Col flex="1">
              <Side client={kept} stays />
            </Col>
            <Col flex="none">
              <Button
                icon={<SwapOutlined />}
                aria-label={t('clients.merge.swap')}
                title={t('clients.merge.swap')}
                onClick={() => {
                  mutation.reset()
                  setSwapped((s) => !s)
                }}
                disabled={mutation.isPending}
              />
            </Col>
            <Col flex="1">
              <Side client={removed} stays={false} />
            </Col>
          </Row>
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={t('clients.merge.warning', { removed: removed.name, kept: kept.name })}
            description={t('clients.merge.warningText', { kept: kept.name })}
          />
        </>
      )}
    </Modal>
  )
}
