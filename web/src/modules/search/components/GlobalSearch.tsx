import { SearchOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Button, Empty, Input, type InputRef, Modal, Spin, Tag, Typography, theme } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { fetchSearch, type SearchItem, searchItemPath, searchKeys } from '../api/search-api.ts'

const DEBOUNCE_MS = 200

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/** The header's search button and the Ctrl+K / ⌘K dialog: clients, contact persons and later every module's records. */
export function GlobalSearch() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setOpen(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <>
      <Button
        icon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        aria-label={t('search.open')}
        title={t('search.shortcut')}
      >
        {t('search.button')}
      </Button>
      {open && <SearchDialog onClose={() => setOpen(false)} />}
    </>
  )
}

function SearchDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const navigate = useNavigate()
  const input = useRef<InputRef>(null)
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const q = useDebounced(text.trim(), DEBOUNCE_MS)
  const enabled = q.length >= 2
  const result = useQuery({
    queryKey: searchKeys.query(q),
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled,
    staleTime: 10_000,
    placeholderData: (previous) => previous,
  })

  const groups = useMemo(
    () =>
      enabled && result.data
        ? Object.entries(result.data.groups).filter(([, items]) => items.length > 0)
        : ([] as Array<[string, SearchItem[]]>),
    [enabled, result.data],
  )
  const flat = useMemo(() => groups.flatMap(([, items]) => items), [groups])
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer starts at its first record
  useEffect(() => setActive(0), [result.data])

  const choose = (item: SearchItem | undefined) => {
    const path = item && searchItemPath(item)
    if (!path) return
    onClose()
    navigate(path)
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive((i) => (flat.length ? (i + 1) % flat.length : 0))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => (flat.length ? (i - 1 + flat.length) % flat.length : 0))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(flat[active])
    }
  }

  let index = -1
  return (
    <Modal
      open
      onCancel={onClose}
      footer={null}
      closable={false}
      width={640}
      title={t('search.title')}
      afterOpenChange={(visible) => visible && input.current?.focus()}
      destroyOnHidden
    >
      <Input
        ref={input}
        autoFocus
        size="large"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={flat.length > 0}
        aria-controls="global-search-results"
        aria-activedescendant={flat.length ? `global-search-${active}` : undefined}
      />
      <div
        id="global-search-results"
        role="listbox"
        style={{ marginTop: 12, maxHeight: 420, overflowY: 'auto' }}
      >
        {!enabled && <Typography.Text type="secondary">{t('search.hint')}</Typography.Text>}
        {enabled && result.isFetching && !result.data && <Spin />}
        {enabled && result.data && flat.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.nothing')} />
        )}
        {groups.map(([group, items]) => (
          <div key={group}>
            <Typography.Text type="secondary" strong style={{ display: 'block', margin: '8px 0 4px' }}>
              {t(`search.groups.${group}`, { defaultValue: group })}
            </Typography.Text>
            {items.map((item) => {
              index += 1
              const at = index
              const selected = at === active
              return (
                <div
                  key={`${item.kind}-${item.id}`}
                  id={`global-search-${at}`}
                  role="option"
                  aria-selected={selected}
                  tabIndex={-1}
                  onMouseEnter={() => setActive(at)}
                  onClick={() => choose(item)}
                  onKeyDown={onKeyDown}
                  style={{
                    padding: '6px 8px',
                    borderRadius: token.borderRadius,
                    cursor: item.clientId === null ? 'default' : 'pointer',
                    background: selected ? token.controlItemBgActive : undefined,
                    display: 'flex',
                    alignItems: 'baseline',
                    gap: 8,
                  }}
                >
                  <Typography.Text strong ellipsis style={{ flex: 1 }}>
                    {item.title}
                  </Typography.Text>
                  {item.subtitle && (
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: '45%' }}>
                      {item.subtitle}
                    </Typography.Text>
                  )}
                  {item.match !== 'name' && <Tag>{t(`search.match.${item.match}`)}</Tag>}
                </div>
              )
            })}
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        {t('search.keys')}
      </Typography.Text>
    </Modal>
  )
}
