import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { isFinished } from '../api/operation-progress.ts'
import { fetchOperation, type Operation, operationKeys } from '../api/operations-api.ts'

const POLL_MS = 1000

/**
 * Follows a long operation: asks for its progress every second until it is done or failed, then calls
 * `onFinished` once. Stops asking on an error (the operation is gone, or the server does not know it).
 */
export function useOperation(id: number | null, onFinished?: (op: Operation) => void) {
  const query = useQuery({
    queryKey: operationKeys.one(id ?? 0),
    queryFn: () => fetchOperation(id ?? 0),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (q) => {
      if (q.state.status === 'error') return false
      return q.state.data && isFinished(q.state.data.status) ? false : POLL_MS
    },
    refetchIntervalInBackground: true,
  })
  // The latest callback, without restarting the effect each render.
  const callback = useRef(onFinished)
  useEffect(() => {
    callback.current = onFinished
  }, [onFinished])
  const reported = useRef<number | null>(null)
  const op = query.data
  useEffect(() => {
    if (!op || !isFinished(op.status) || reported.current === op.id) return
    reported.current = op.id
    callback.current?.(op)
  }, [op])
  return query
}
