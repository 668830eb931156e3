import { Flex, Progress, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { operationPercent } from '../api/operation-progress.ts'
import type { Operation } from '../api/operations-api.ts'
import { useOperation } from '../hooks/use-operation.ts'

interface Props {
  operationId: number
  /** What a finished operation did, in words (`12 clients reassigned`); the generic "done" otherwise. */
  summary?: (op: Operation) => string
  onFinished?: (op: Operation) => void
}

/** A bar and a line of text that follow a background operation from the queue to its end. */
export function OperationProgress({ operationId, summary, onFinished }: Props) {
  const { t } = useTranslation()
  const operation = useOperation(operationId, onFinished)
  const op = operation.data

  if (!op) {
    if (operation.error) {
      const message = isApiError(operation.error) && operation.error.message
      return <Typography.Text type="danger">{message || t('operations.unknown')}</Typography.Text>
    }
    return <Progress percent={0} status="active" size="small" data-testid="operation-progress" />
  }

  let text = t('operations.queued')
  if (op.status === 'running') text = t('operations.running', { done: op.done, total: op.total })
  if (op.status === 'done') text = summary?.(op) ?? t('operations.done')
  if (op.status === 'failed') text = t('operations.failed')

  return (
    <Flex vertical gap={4} data-testid="operation-progress">
      <Progress
        percent={operationPercent(op)}
        status={op.status === 'failed' ? 'exception' : op.status === 'done' ? 'success' : 'active'}
        size="small"
      />
      <Typography.Text type={op.status === 'failed' ? 'danger' : 'secondary'}>{text}</Typography.Text>
    </Flex>
  )
}
