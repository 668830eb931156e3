import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Empty, Flex, List, Popconfirm, Progress, Skeleton, Tag, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth, useMe } from '../../../app/auth/auth-context.ts'
import { isApiError } from '../../../ui/api.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import type { Subject } from '../../notes/api/notes-api.ts'
import {
  deleteFile,
  downloadUrl,
  fetchFiles,
  fileKeys,
  type StoredFile,
  uploadFile,
} from '../api/files-api.ts'

interface Props {
  subject: Subject
  /** The caller may change the record (and so attach files to it). */
  canWrite: boolean
}

interface Upload {
  name: string
  progress: number
}

/** A record's files, newest first, with downloads; uploading with progress; deleting one's own. */
export function FilesPanel({ subject, canWrite }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const me = useMe()
  const { can } = useAuth()
  const queryClient = useQueryClient()
  const input = useRef<HTMLInputElement>(null)
  const [uploads, setUploads] = useState<Upload[]>([])
  const [error, setError] = useState<unknown>(null)
  const files = useQuery({
    queryKey: fileKeys.list(subject),
    queryFn: () => fetchFiles(subject),
    staleTime: 0,
  })
  const remove = useMutation({
    mutationFn: (file: StoredFile) => deleteFile(file.id),
    onSuccess: (_, file) => {
      message.success(t('files.deleted', { name: file.name }))
    },
    onError: (e) => {
      message.error(isApiError(e) && e.message ? e.message : t('errors.generic'), 8)
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: fileKeys.list(subject) })
      void queryClient.invalidateQueries({ queryKey: ['notes', subject.type, subject.id] })
    },
  })

  const upload = async (chosen: File[]) => {
    setError(null)
    setUploads(chosen.map((f) => ({ name: f.name, progress: 0 })))
    for (const [index, file] of chosen.entries()) {
      try {
        await uploadFile(subject, file, {
          onProgress: (progress) =>
            setUploads((list) => list.map((u, i) => (i === index ? { ...u, progress } : u))),
        })
      } catch (e) {
        setError(e)
        break
      }
    }
    setUploads([])
    void queryClient.invalidateQueries({ queryKey: fileKeys.list(subject) })
  }

  const canDelete = (file: StoredFile) => canWrite && (file.uploader?.id === me.id || can('users.manage'))

  return (
    <Card
      size="small"
      title={t('files.title')}
      extra={
        canWrite && (
          <>
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={uploads.length > 0}
              onClick={() => input.current?.click()}
            >
              {t('files.upload')}
            </Button>
            <input
              ref={input}
              type="file"
              multiple
              hidden
              data-testid="file-input"
              onChange={(e) => {
                const chosen = [...(e.target.files ?? [])]
                e.target.value = ''
                if (chosen.length) void upload(chosen)
              }}
            />
          </>
        )
      }
    >
      {error !== null && <ErrorAlert error={error} />}
      {uploads.map((u) => (
        <div key={u.name}>
          <Typography.Text ellipsis>{u.name}</Typography.Text>
          <Progress percent={Math.round(u.progress * 100)} size="small" />
        </div>
      ))}
      {files.error ? (
        <ErrorAlert error={files.error} />
      ) : files.isPending ? (
        <Skeleton active />
      ) : files.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.empty')} />
      ) : (
        <List<StoredFile>
          size="small"
          dataSource={files.data}
          renderItem={(file) => (
            <List.Item
              key={file.id}
              actions={
                canDelete(file)
                  ? [
                      <Popconfirm
                        key="delete"
                        title={t('files.deleteConfirm', { name: file.name })}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          remove.mutateAsync(file).then(
                            () => undefined,
                            () => undefined,
                          )
                        }
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t('common.delete')}: ${file.name}`}
                        />
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                avatar={<FileOutlined />}
                title={
                  <a href={downloadUrl(file.id)} download={file.name}>
                    {file.name}
                  </a>
                }
                description={
                  <Flex gap={4} wrap>
                    <span>{format.bytes(file.size)}</span>
                    <span>{`· ${file.uploader?.name ?? t('audit.system')}`}</span>
                    <span>{`· ${format.dateTime(file.createdAt)}`}</span>
                    {file.noteId !== null && <Tag>{t('files.fromNote')}</Tag>}
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
