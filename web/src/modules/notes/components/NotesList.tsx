import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Avatar, Button, Card, Empty, Flex, Popconfirm, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useFormat } from '../../../ui/use-format.ts'
import { downloadUrl, fileKeys } from '../../files/api/files-api.ts'
import { deleteNote, type Note, noteKeys, type Subject } from '../api/notes-api.ts'
import { useNotes } from '../hooks/use-notes.ts'

interface Props {
  subject: Subject
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('')
}

function NoteBody({ html }: { html: string }) {
  // The body is the server's sanitized HTML (an allow-list of tags; links and mentions rebuilt there):
  // the one place the app renders HTML. Everything else in a note is shown as text.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitized note body
  return <div className="mm-note-body" dangerouslySetInnerHTML={{ __html: html }} />
}

/** The notes on a record, newest first: author, time, text with mentions and links, attached files. */
export function NotesList({ subject }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const queryClient = useQueryClient()
  const notes = useNotes(subject)
  const remove = useMutation({
    mutationFn: (note: Note) => deleteNote(note.id, note.version),
    onSuccess: () => {
      message.success(t('notes.deleted'))
    },
    onError: (error) => {
      message.error(isApiError(error) && error.message ? error.message : t('errors.generic'), 8)
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: noteKeys.list(subject) })
      void queryClient.invalidateQueries({ queryKey: fileKeys.list(subject) })
    },
  })

  if (notes.error) return <ErrorAlert error={notes.error} />
  if (notes.isPending) return <Skeleton active />
  const items = notes.data.pages.flatMap((page) => page.items)
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notes.empty')} />

  return (
    <Flex vertical gap={12}>
      {items.map((note) => (
        <Card key={note.id} size="small" data-testid="note">
          <Flex gap={12} align="flex-start">
            <Avatar size="small" style={{ backgroundColor: '#87d068', flex: 'none' }}>
              {initials(note.author?.name ?? '?')}
            </Avatar>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Flex justify="space-between" gap={8} wrap>
                <span>
                  <Typography.Text strong>{note.author?.name ?? t('audit.system')}</Typography.Text>
                  <Typography.Text type="secondary">{` · ${format.dateTime(note.createdAt)}`}</Typography.Text>
                  {note.updatedAt !== note.createdAt && (
                    <Typography.Text type="secondary">{` · ${t('notes.edited')}`}</Typography.Text>
                  )}
                </span>
                {note.canEdit && (
                  <Popconfirm
                    title={t('notes.deleteConfirm')}
                    okText={t('common.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      remove.mutateAsync(note).then(
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
                      aria-label={t('notes.delete')}
                    />
                  </Popconfirm>
                )}
              </Flex>
              <NoteBody html={note.body} />
              {note.files.length > 0 && (
                <Flex gap={8} wrap style={{ marginTop: 4 }}>
                  {note.files.map((file) => (
                    <a key={file.id} href={downloadUrl(file.id)} download={file.name}>
                      <PaperClipOutlined /> {file.name}
                      <Typography.Text type="secondary">{` (${format.bytes(file.size)})`}</Typography.Text>
                    </a>
                  ))}
                </Flex>
              )}
            </div>
          </Flex>
        </Card>
      ))}
      {notes.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void notes.fetchNextPage()} loading={notes.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        </Flex>
      )}
    </Flex>
  )
}
