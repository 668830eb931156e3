import { PlusOutlined } from '@ant-design/icons'
import type { CustomField } from '@mmcrm/server/api-types'
import { App, Button, Drawer } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CompletenessCard } from '../modules/custom-fields/components/CompletenessCard.tsx'
import { CustomFieldForm } from '../modules/custom-fields/components/CustomFieldForm.tsx'
import { CustomFieldsTable } from '../modules/custom-fields/components/CustomFieldsTable.tsx'
import { useCustomFieldLabel, useCustomFields } from '../modules/custom-fields/hooks/use-custom-fields.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

/** Administration → Custom fields of clients, and which fields make a dossier complete. */
export function CustomFieldsPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const fieldLabel = useCustomFieldLabel()
  const defs = useCustomFields('client')
  const [open, setOpen] = useState<CustomField | 'new' | null>(null)
  // The drawer edits the fresh definition (its version), not the one captured when it opened.
  const editing = open && open !== 'new' ? (defs.data?.find((d) => d.id === open.id) ?? open) : undefined

  return (
    <>
      <PageHeader
        title={t('customFields.admin.title')}
        subtitle={t('customFields.admin.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
            {t('customFields.admin.create')}
          </Button>
        }
      />
      {defs.error && <ErrorAlert error={defs.error} />}
      <CustomFieldsTable fields={defs.data} loading={defs.isPending} onOpen={setOpen} />
      <CompletenessCard defs={defs.data} />
      <Drawer
        open={open !== null}
        title={editing ? fieldLabel(editing) : t('customFields.admin.create')}
        onClose={() => setOpen(null)}
        size={640}
        destroyOnHidden
      >
        {open !== null && (
          <CustomFieldForm
            key={editing ? `${editing.id}-${editing.version}` : 'new'}
            field={editing}
            onReload={() => void defs.refetch()}
            onSaved={(saved) => {
              message.success(
                t(editing ? 'customFields.admin.saved' : 'customFields.admin.created', {
                  name: fieldLabel(saved),
                }),
              )
              setOpen(null)
            }}
          />
        )}
      </Drawer>
    </>
  )
}
