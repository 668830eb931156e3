import { App } from 'antd'
import { type ReactNode, useCallback } from 'react'
import type { Operation } from '../api/operations-api.ts'
import { OperationProgress } from '../components/OperationProgress.tsx'

export interface TrackOptions {
  operationId: number
  title: ReactNode
  summary?: (op: Operation) => string
  onFinished?: (op: Operation) => void
}

/**
 * Shows a queued operation's progress in a notification that stays while the employee works on
 * (and across pages); the bell also tells when it ends.
 */
export function useOperationTracker() {
  const { notification } = App.useApp()
  return useCallback(
    ({ operationId, title, summary, onFinished }: TrackOptions) => {
      notification.open({
        key: `operation-${operationId}`,
        title,
        description: (
          <OperationProgress operationId={operationId} summary={summary} onFinished={onFinished} />
        ),
        duration: false,
        placement: 'bottomRight',
      })
    },
    [notification],
  )
}
