import type { CustomField } from '@mmcrm/server/api-types'
import { Button, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import { History } from '../../../ui/History.tsx'
import { useClientHistory } from '../hooks/use-client-queries.ts'
import { useClientValueRenderer } from '../hooks/use-client-value-renderer.tsx'

function isFilled(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false) return false
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') return Object.keys(value).length > 0
  return true
}

interface Props {
  clientId: number
  defs: CustomField[] | undefined
  active: boolean
}

/** Who changed which fact of the dossier, from what to what, and when; older entries on demand. */
export function ClientHistory({ clientId, defs, active }: Props) {
  const { t } = useTranslation()
  const history = useClientHistory(clientId, active)
  const renderValue = useClientValueRenderer(defs)
  // A new dossier's entry lists only what was filled in, not every empty field.
  const entries = history.data?.pages.flatMap((page) =>
    page.items.map((entry) =>
      entry.action === 'create'
        ? {
            ...entry,
            changes: Object.fromEntries(
              Object.entries(entry.changes).filter(([, change]) => !('to' in change) || isFilled(change.to)),
            ),
          }
        : entry,
    ),
  )
  return (
    <>
      <History
        entries={entries}
        loading={history.isPending}
        error={history.error}
        renderValue={renderValue}
      />
      {history.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  )
}
