import { InboxOutlined } from '@ant-design/icons'
import { Progress, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { type Import, uploadImport } from '../api/imports-api.ts'

interface Props {
  onUploaded: (item: Import) => void
}

const ACCEPT =
  '.csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The first step: a CSV or XLSX file dropped or chosen, sent with a progress bar. */
export function UploadDropzone({ onUploaded }: Props) {
  const { t } = useTranslation()
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)

  const send = async (file: File) => {
    setError(null)
    setProgress(0)
    try {
      onUploaded(await uploadImport(file, setProgress))
    } catch (e) {
      setError(e)
    } finally {
      setProgress(null)
    }
  }

  return (
    <>
      {error !== null && <ErrorAlert error={error} />}
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={progress !== null}
        beforeUpload={(file) => {
          void send(file)
          return false
        }}
        data-testid="import-dropzone"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.upload.title')}</p>
        <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
      </Upload.Dragger>
      {progress !== null && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('imports.upload.sending')}</Typography.Text>
          <Progress percent={Math.round(progress * 100)} status="active" />
        </div>
      )}
    </>
  )
}
