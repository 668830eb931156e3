import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import { type AppNotification, markRead, notificationKeys } from '../api/notifications-api.ts'
import { notificationTarget } from '../components/notification-message.ts'

/** Marking notifications read (the bell's queries refresh after). */
export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: markRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}

/** Opens a notification: marks it read and goes where it leads (a record, a list, a file to download). */
export function useOpenNotification(): (n: AppNotification) => void {
  const navigate = useNavigate()
  const { mutate } = useMarkRead()
  return useCallback(
    (n: AppNotification) => {
      if (n.readAt === null) mutate({ ids: [n.id] })
      const target = notificationTarget(n)
      // API addresses are files to download: the browser fetches them, the app stays where it is.
      if (target?.startsWith('/api/')) window.location.assign(target)
      else if (target) navigate(target)
    },
    [mutate, navigate],
  )
}
