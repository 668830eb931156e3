import { Flex, Select, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactPersonFound } from '../api/contacts-api.ts'
import { useContactSearch } from '../hooks/use-contact-queries.ts'

interface Option {
  value: number
  label: string
  disabled: boolean
  person: ContactPersonFound
}

interface Props {
  id?: string
  value?: number
  onChange?: (value: number | undefined) => void
  /** People already linked here: shown, but not selectable. */
  linkedIds?: number[]
}

function PersonOption({ person, linked }: { person: ContactPersonFound; linked: boolean }) {
  const { t } = useTranslation()
  const where = person.organizations.map((org) =>
    org.position ? t('contacts.orgWithPosition', { name: org.name, position: org.position }) : org.name,
  )
  if (person.personClient) where.push(t('contacts.asClient', { name: person.personClient.name }))
  const reach = [person.phone, person.email].filter(Boolean).join(' · ')
  return (
    <Flex vertical>
      <Flex gap={4} align="center" wrap>
        <Typography.Text strong>{person.name}</Typography.Text>
        {linked && <Tag>{t('contacts.link.alreadyHere')}</Tag>}
      </Flex>
      {where.length > 0 && (
        <Typography.Text type="secondary" ellipsis>
          {where.join(', ')}
        </Typography.Text>
      )}
      {reach && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {reach}
        </Typography.Text>
      )}
    </Flex>
  )
}

/** Picks a contact person of another organization, searching by name, phone or e-mail as the user types. */
export function ContactSearchSelect({ id, value, onChange, linkedIds = [] }: Props) {
  const { t } = useTranslation()
  const [typed, setTyped] = useState('')
  // The chosen person stays an option while the next search shows others.
  const [chosen, setChosen] = useState<ContactPersonFound>()
  const found = useContactSearch(typed)
  const people = [...(found.data ?? [])]
  if (value !== undefined && chosen?.id === value && !people.some((p) => p.id === value))
    people.unshift(chosen)
  const options: Option[] = people.map((person) => ({
    value: person.id,
    label: person.name,
    disabled: linkedIds.includes(person.id),
    person,
  }))
  return (
    <Select<number, Option>
      id={id}
      value={value}
      onChange={(next, option) => {
        setChosen(option && !Array.isArray(option) ? option.person : undefined)
        onChange?.(next ?? undefined)
      }}
      allowClear
      placeholder={t('contacts.link.searchPlaceholder')}
      loading={found.isFetching}
      options={options}
      optionRender={(option) => (
        <PersonOption person={option.data.person} linked={Boolean(option.data.disabled)} />
      )}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      notFoundContent={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      style={{ width: '100%' }}
    />
  )
}
