import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Flex, Input, Progress } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface ChecklistItem {
  text: string
  done: boolean
}

interface Props {
  id?: string
  value?: ChecklistItem[]
  onChange?: (value: ChecklistItem[]) => void
  disabled?: boolean
}

/** A task's checklist: tick, edit, remove items and add new ones (Enter adds). */
export function ChecklistInput({ id, value = [], onChange, disabled }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const change = (index: number, patch: Partial<ChecklistItem>) =>
    onChange?.(value.map((item, i) => (i === index ? { ...item, ...patch } : item)))
  const add = () => {
    const text = draft.trim()
    if (!text || value.length >= 100) return
    onChange?.([...value, { text, done: false }])
    setDraft('')
  }
  const done = value.filter((i) => i.done).length

  return (
    <Flex vertical gap={6} id={id}>
      {value.length > 0 && (
        <Progress
          percent={Math.round((done / value.length) * 100)}
          size="small"
          format={() => `${done}/${value.length}`}
        />
      )}
      {value.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no ids; order is their identity
        <Flex key={index} gap={6} align="center">
          <Checkbox
            checked={item.done}
            disabled={disabled}
            onChange={(e) => change(index, { done: e.target.checked })}
            aria-label={t('tasks.checklist.tick', { text: item.text })}
          />
          <Input
            value={item.text}
            disabled={disabled}
            maxLength={500}
            onChange={(e) => change(index, { text: e.target.value })}
            style={item.done ? { textDecoration: 'line-through' } : undefined}
          />
          <Button
            type="text"
            icon={<DeleteOutlined />}
            disabled={disabled}
            aria-label={t('tasks.checklist.remove', { text: item.text })}
            onClick={() => onChange?.(value.filter((_, i) => i !== index))}
          />
        </Flex>
      ))}
      <Flex gap={6}>
        <Input
          value={draft}
          disabled={disabled}
          maxLength={500}
          placeholder={t('tasks.checklist.newItem')}
          aria-label={t('tasks.checklist.newItem')}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={(e) => {
            e.preventDefault()
            add()
          }}
        />
        <Button icon={<PlusOutlined />} disabled={disabled || !draft.trim()} onClick={add}>
          {t('tasks.checklist.add')}
        </Button>
      </Flex>
    </Flex>
  )
}
