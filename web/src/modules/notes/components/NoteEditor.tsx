import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PaperClipOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Flex, Input, Popover, Tooltip, Typography, theme } from 'antd'
import { type KeyboardEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../ui/api.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { fileKeys, uploadFile } from '../../files/api/files-api.ts'
import { createNote, noteKeys, type Subject } from '../api/notes-api.ts'
import { useMentionSearch } from '../hooks/use-mention-search.ts'
import {
  applyFormat,
  insertLink,
  insertMention,
  insertPlainText,
  type MentionTarget,
  mentionAtCaret,
  restoreSelection,
  safeHref,
  saveSelection,
} from './editor-dom.ts'
import { MentionList } from './MentionList.tsx'
import { type Pending, PendingFiles } from './PendingFiles.tsx'

interface Props {
  subject: Subject
}

let nextPendingKey = 1

/**
 * Writing a note: bold, italic, lists, links; `@` picks a colleague to mention (they are notified);
 * files may be attached and are uploaded with the note. The server cleans the HTML.
 */
export function NoteEditor({ subject }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { token } = theme.useToken()
  const queryClient = useQueryClient()
  const editor = useRef<HTMLDivElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const mentionTarget = useRef<MentionTarget | null>(null)
  const linkRange = useRef<Range | null>(null)
  const [isEmpty, setIsEmpty] = useState(true)
  const [mentionQuery, setMentionQuery] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const [linkOpen, setLinkOpen] = useState(false)
  const [linkValue, setLinkValue] = useState('')
  const [pending, setPending] = useState<Pending[]>([])
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const colleagues = useMentionSearch(mentionQuery)

  const sync = () => {
    const root = editor.current
    if (!root) return
    setIsEmpty(!(root.textContent ?? '').trim())
    const target = mentionAtCaret(root)
    mentionTarget.current = target
    setMentionQuery(target ? target.query : null)
    if (!target) setActive(0)
  }

  const pick = (user: { id: number; name: string }) => {
    const target = mentionTarget.current
    if (!target) return
    insertMention(target, user)
    mentionTarget.current = null
    setMentionQuery(null)
    setActive(0)
    setIsEmpty(false)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (mentionQuery !== null && colleagues.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setActive((i) => (i + step + colleagues.length) % colleagues.length)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault()
        const user = colleagues[Math.min(active, colleagues.length - 1)]
        if (user) pick(user)
        return
      }
      if (event.key === 'Escape') {
        setMentionQuery(null)
        return
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    }
  }

  const command = (name: Parameters<typeof applyFormat>[0]) => {
    editor.current?.focus()
    applyFormat(name)
    sync()
  }

  const addLink = () => {
    const root = editor.current
    const href = safeHref(linkValue)
    if (!root || !href) {
      message.error(t('notes.badLink'))
      return
    }
    restoreSelection(root, linkRange.current)
    insertLink(href, linkRange.current?.collapsed ?? true)
    setLinkOpen(false)
    setLinkValue('')
    sync()
  }

  const submit = async () => {
    const root = editor.current
    if (!root || !(root.textContent ?? '').trim() || saving) return
    setSaving(true)
    setError(null)
    try {
      const note = await createNote(subject, root.innerHTML)
      root.innerHTML = ''
      setIsEmpty(true)
      if (note.unnotified.length) {
        message.warning(t('notes.unnotified', { names: note.unnotified.map((u) => u.name).join(', ') }), 8)
      }
      const files = pending
      for (const [index, item] of files.entries()) {
        try {
          await uploadFile(subject, item.file, {
            noteId: note.id,
            onProgress: (progress) =>
              setPending((list) => list.map((p, i) => (i === index ? { ...p, progress } : p))),
          })
        } catch (uploadError) {
          message.error(
            `${item.file.name}: ${isApiError(uploadError) && uploadError.message ? uploadError.message : t('errors.generic')}`,
            8,
          )
        }
      }
      setPending([])
      message.success(t('notes.added'))
    } catch (saveError) {
      setError(saveError)
    } finally {
      setSaving(false)
      void queryClient.invalidateQueries({ queryKey: noteKeys.list(subject) })
      void queryClient.invalidateQueries({ queryKey: fileKeys.list(subject) })
    }
  }

  const toolbar = [
    { key: 'bold', icon: <BoldOutlined />, label: t('notes.bold'), run: () => command('bold') },
    { key: 'italic', icon: <ItalicOutlined />, label: t('notes.italic'), run: () => command('italic') },
    {
      key: 'ul',
      icon: <UnorderedListOutlined />,
      label: t('notes.bulletList'),
      run: () => command('insertUnorderedList'),
    },
    {
      key: 'ol',
      icon: <OrderedListOutlined />,
      label: t('notes.numberedList'),
      run: () => command('insertOrderedList'),
    },
  ]

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      {error !== null && <ErrorAlert error={error} />}
      <Flex gap={4} wrap style={{ marginBottom: 8 }}>
        {toolbar.map((b) => (
          <Tooltip key={b.key} title={b.label}>
            <Button
              size="small"
              type="text"
              icon={b.icon}
              aria-label={b.label}
              onMouseDown={(e) => e.preventDefault()}
              onClick={b.run}
            />
          </Tooltip>
        ))}
        <Popover
          trigger="click"
          open={linkOpen}
          onOpenChange={(open) => {
            if (open && editor.current) linkRange.current = saveSelection(editor.current)
            setLinkOpen(open)
          }}
          content={
            <Flex gap={8}>
              <Input
                autoFocus
                aria-label={t('notes.linkAddress')}
                placeholder={t('notes.linkPlaceholder')}
                value={linkValue}
                onChange={(e) => setLinkValue(e.target.value)}
                onPressEnter={addLink}
                style={{ width: 260 }}
              />
              <Button type="primary" onClick={addLink}>
                {t('notes.insertLink')}
              </Button>
            </Flex>
          }
        >
          <Tooltip title={t('notes.link')}>
            <Button
              size="small"
              type="text"
              icon={<LinkOutlined />}
              aria-label={t('notes.link')}
              onMouseDown={(e) => e.preventDefault()}
            />
          </Tooltip>
        </Popover>
        <Tooltip title={t('notes.attach')}>
          <Button
            size="small"
            type="text"
            icon={<PaperClipOutlined />}
            aria-label={t('notes.attach')}
            onClick={() => fileInput.current?.click()}
          />
        </Tooltip>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          onChange={(e) => {
            const chosen = [...(e.target.files ?? [])].map((file) => ({
              key: nextPendingKey++,
              file,
              progress: 0,
            }))
            setPending((list) => [...list, ...chosen])
            e.target.value = ''
          }}
        />
      </Flex>
      <div style={{ position: 'relative' }}>
        {/* biome-ignore lint/a11y/useSemanticElements: a rich-text editor has no native element */}
        <div
          ref={editor}
          className="mm-note-editor"
          contentEditable={!saving}
          suppressContentEditableWarning
          role="textbox"
          tabIndex={0}
          aria-multiline="true"
          aria-label={t('notes.editor')}
          data-placeholder={t('notes.placeholder')}
          data-empty={isEmpty}
          onInput={sync}
          onKeyDown={onKeyDown}
          onKeyUp={(e) => {
            if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key)) sync()
          }}
          onClick={sync}
          onPaste={(e) => {
            e.preventDefault()
            insertPlainText(e.clipboardData.getData('text/plain'))
            sync()
          }}
          style={{
            minHeight: 80,
            maxHeight: 360,
            overflowY: 'auto',
            padding: '6px 11px',
            border: `1px solid ${token.colorBorder}`,
            borderRadius: token.borderRadius,
            background: token.colorBgContainer,
            outline: 'none',
          }}
        />
        {mentionQuery !== null && <MentionList users={colleagues} active={active} onPick={pick} />}
      </div>
      <PendingFiles
        files={pending}
        uploading={saving}
        onRemove={(key) => setPending((list) => list.filter((item) => item.key !== key))}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }} wrap gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('notes.hint')}
        </Typography.Text>
        <Button type="primary" onClick={() => void submit()} loading={saving} disabled={isEmpty}>
          {t('notes.add')}
        </Button>
      </Flex>
    </Card>
  )
}
