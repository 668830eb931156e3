import { PlusOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { Classifier } from '../modules/classifiers/api/classifiers-api.ts'
import { ClassifierModal } from '../modules/classifiers/components/admin/ClassifierModal.tsx'
import { ClassifiersTable } from '../modules/classifiers/components/admin/ClassifiersTable.tsx'
import { ClassifierTree } from '../modules/classifiers/components/admin/ClassifierTree.tsx'
import { useNodeCounts } from '../modules/classifiers/hooks/use-classifier-admin.ts'
import { useClassifierName, useClassifiers } from '../modules/classifiers/hooks/use-classifiers.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/** Administration → Classifiers: the trees clients are sorted into, and their nodes. */
export function ClassifiersPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const name = useClassifierName()
  const classifiers = useClassifiers()
  const { counts } = useNodeCounts()
  const [params, setParams] = useSearchParams()
  const [open, setOpen] = useState<Classifier | 'new' | null>(null)
  const list = classifiers.data
  const wanted = Number(params.get('classifier'))
  const selected = list?.find((c) => c.id === wanted) ?? list?.[0]
  // The modal edits the fresh classifier (its version), not the one captured when it opened.
  const editing = open && open !== 'new' ? (list?.find((c) => c.id === open.id) ?? open) : open
  const reload = () => void classifiers.refetch()
  const select = (id: number) => setParams({ classifier: String(id) }, { replace: true })

  return (
    <>
      <PageHeader
        title={t('classifiers.title')}
        subtitle={t('classifiers.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
            {t('classifiers.create')}
          </Button>
        }
      />
      {classifiers.error && <ErrorAlert error={classifiers.error} />}
      <ClassifiersTable
        classifiers={list}
        loading={classifiers.isPending}
        selectedId={selected?.id}
        onSelect={select}
        onEdit={setOpen}
        onReload={reload}
      />
      {selected && (
        <ClassifierTree key={selected.id} classifier={selected} counts={counts} onReload={reload} />
      )}
      <ClassifierModal
        target={editing}
        onClose={() => setOpen(null)}
        onReload={reload}
        onSaved={(saved) => {
          message.success(
            t(open === 'new' ? 'classifiers.created' : 'classifiers.saved', { name: name(saved) }),
          )
          if (open === 'new') select(saved.id)
          setOpen(null)
        }}
      />
    </>
  )
}
