import { TeamOutlined } from '@ant-design/icons'
import { Button, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CalendarPerson } from '../api/organizer-api.ts'

interface Props {
  people: CalendarPerson[]
  /** The chosen ones; empty = the employee alone. */
  value: number[]
  meId: number
  onChange: (ids: number[]) => void
}

/** Whose calendars to show side by side (a head's team); only offered when there is anyone to choose. */
export function PeoplePicker({ people, value, meId, onChange }: Props) {
  const { t } = useTranslation()
  const chosen = value.length ? value : [meId]
  const everyone = people.map((p) => p.id)
  const set = (ids: number[]) => onChange(ids.length === 1 && ids[0] === meId ? [] : ids)
  return (
    <Space.Compact>
      <Select<number[]>
        mode="multiple"
        value={chosen}
        onChange={(ids) => set(ids.length ? ids : [meId])}
        options={people.map((p) => ({
          value: p.id,
          label: p.isMe ? t('calendar.people.me', { name: p.name }) : p.name,
        }))}
        maxTagCount={2}
        maxTagTextLength={16}
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('calendar.people.label')}
        placeholder={t('calendar.people.label')}
        style={{ width: 360 }}
      />
      <Button
        icon={<TeamOutlined />}
        onClick={() => set(everyone)}
        disabled={chosen.length === everyone.length}
        title={t('calendar.people.allHint')}
      >
        {t('calendar.people.all')}
      </Button>
    </Space.Compact>
  )
}
