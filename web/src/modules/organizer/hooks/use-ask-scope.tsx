import { Button, Modal, Typography } from 'antd'
import { type ReactNode, useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditScope } from '../api/organizer-api.ts'

/**
 * Asks whether a change to an occurrence of a series applies to it alone or to the series from it on.
 * `ask()` resolves with the choice, or null when the employee closes the question; render `element`.
 */
export function useAskScope(): { ask: () => Promise<EditScope | null>; element: ReactNode } {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const resolver = useRef<((scope: EditScope | null) => void) | null>(null)

  const ask = useCallback(
    () =>
      new Promise<EditScope | null>((resolve) => {
        resolver.current?.(null)
        resolver.current = resolve
        setOpen(true)
      }),
    [],
  )
  const finish = (scope: EditScope | null) => {
    resolver.current?.(scope)
    resolver.current = null
    setOpen(false)
  }

  const element = (
    <Modal
      open={open}
      title={t('calendar.scope.title')}
      onCancel={() => finish(null)}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={() => finish(null)}>
          {t('common.cancel')}
        </Button>,
        <Button key="series" onClick={() => finish('series')}>
          {t('calendar.scope.series')}
        </Button>,
        <Button key="occurrence" type="primary" onClick={() => finish('occurrence')}>
          {t('calendar.scope.occurrence')}
        </Button>,
      ]}
    >
      <Typography.Paragraph style={{ margin: 0 }}>{t('calendar.scope.text')}</Typography.Paragraph>
    </Modal>
  )
  return { ask, element }
}
