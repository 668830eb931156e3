import { Button, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import { History } from '../../../ui/History.tsx'
import { useContactHistory } from '../hooks/use-contact-queries.ts'
import { useContactValueRenderer } from '../hooks/use-contact-value-renderer.ts'

interface Props {
  contactId: number
  active: boolean
}

/** Who changed the person's name, birthday, phones and notes, from what to what, and when. */
export function ContactHistory({ contactId, active }: Props) {
  const { t } = useTranslation()
  const history = useContactHistory(contactId, active)
  const renderValue = useContactValueRenderer()
  return (
    <>
      <History
        entries={history.data?.pages.flatMap((page) => page.items)}
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
