import { App } from 'antd'
import { useCallback } from 'react'
import { resultCount } from '../api/operation-progress.ts'
import type { BulkResult } from '../api/operations-api.ts'
import { useOperationTracker } from './use-operation-tracker.tsx'

export interface BulkTexts {
  /** Said when the change was queued (it is too big to make at once). */
  queued: string
  /** The progress notification's title. */
  progressTitle: string
  /** The outcome, from the number of records changed. */
  changed: (count: number) => string
}

/**
 * What a bulk command answered, told to the employee: "done, N changed" at once, or — when the server
 * queued it — a progress notification that reports the outcome. `onFinished` runs either way once the
 * change is made (to refresh lists).
 */
export function useBulkResult() {
  const { message } = App.useApp()
  const track = useOperationTracker()
  return useCallback(
    (result: BulkResult, texts: BulkTexts, onFinished: () => void) => {
      if (result.status === 'queued' && result.operationId !== null) {
        message.info(texts.queued)
        track({
          operationId: result.operationId,
          title: texts.progressTitle,
          summary: (op) => texts.changed(resultCount(op, 'changed') ?? op.done),
          onFinished,
        })
        return
      }
      message.success(texts.changed(result.changed))
      onFinished()
    },
    [message, track],
  )
}
