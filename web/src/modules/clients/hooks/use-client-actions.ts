import type { ClientCard, ClientListItem } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { clientKeys } from '../api/client-keys.ts'
import { purgeClient, restoreClient, trashClient } from '../api/clients-api.ts'

type Named = Pick<ClientListItem, 'id' | 'name'>

/** Moving a client to the trash (with its version), restoring it, and deleting it for good. */
export function useClientActions() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  // Callbacks return nothing: a returned message (a thenable) would hold back onSettled until it closes.
  const failed = (error: unknown) => {
    message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
  }
  const refresh = (id: number) => {
    void queryClient.invalidateQueries({ queryKey: ['clients', 'list'] })
    void queryClient.invalidateQueries({ queryKey: clientKeys.one(id) })
    void queryClient.invalidateQueries({ queryKey: clientKeys.history(id) })
  }

  const trash = useMutation({
    mutationFn: (client: Pick<ClientCard, 'id' | 'name' | 'version'>) =>
      trashClient(client.id, client.version),
    onSuccess: (_, client) => {
      message.success(t('clients.trash.moved', { name: client.name }))
    },
    onError: failed,
    onSettled: (_, __, client) => refresh(client.id),
  })
  const restore = useMutation({
    mutationFn: (client: Named) => restoreClient(client.id),
    onSuccess: (_, client) => {
      message.success(t('clients.trash.restored', { name: client.name }))
    },
    onError: failed,
    onSettled: (_, __, client) => refresh(client.id),
  })
  const purge = useMutation({
    mutationFn: (client: Named) => purgeClient(client.id),
    onSuccess: (_, client) => {
      message.success(t('clients.trash.purged', { name: client.name }))
      queryClient.removeQueries({ queryKey: clientKeys.one(client.id) })
    },
    onError: failed,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['clients', 'list'] }),
  })
  return { trash, restore, purge }
}
