import { Button, Flex, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EditScope } from '../api/activities-api.ts'

interface Props {
  /** What is being done to the occurrence; null: closed. */
  action: 'edit' | 'delete' | null
  onChoose: (scope: EditScope) => void
  onCancel: () => void
  loading?: boolean
}

/** For an occurrence of a series: change (or delete) only it, or it and every later one. */
export function ScopeModal({ action, onChoose, onCancel, loading }: Props) {
  const { t } = useTranslation()
  return (
    <Modal
      open={action !== null}
      title={action === 'delete' ? t('activities.scope.deleteTitle') : t('activities.scope.editTitle')}
      onCancel={onCancel}
      footer={null}
      width={460}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('activities.scope.text')}</Typography.Paragraph>
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button loading={loading} onClick={() => onChoose('occurrence')} data-testid="scope-occurrence">
          {t('activities.scope.occurrence')}
        </Button>
        <Button
          type="primary"
          danger={action === 'delete'}
          loading={loading}
          onClick={() => onChoose('series')}
          data-testid="scope-series"
        >
          {t('activities.scope.series')}
        </Button>
      </Flex>
    </Modal>
  )
}
