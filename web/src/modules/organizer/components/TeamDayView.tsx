import { Flex } from 'antd'
import { useMemo } from 'react'
import { useFormat } from '../../../ui/use-format.ts'
import type { CalendarPerson } from '../api/organizer-api.ts'
import type { CalendarChange } from '../hooks/use-reschedule.ts'
import { type CalendarEventInput, type CalendarItem, gridHours, itemPerson } from '../lib/calendar-events.ts'
import { OrganizerCalendar, type SlotPick } from './OrganizerCalendar.tsx'

interface Props {
  date: string
  /** The chosen people, in the order of their columns. */
  people: CalendarPerson[]
  colors: ReadonlyMap<number, string>
  events: CalendarEventInput[]
  onEventClick: (item: CalendarItem) => void
  onSelect?: (slot: SlotPick, personId: number) => void
  onChange: (change: CalendarChange) => void
}

/**
 * Several people's day side by side: one day grid per person, on the same date and the same hours, in a
 * row that scrolls sideways when the team is large. (FullCalendar's resource views are not free.)
 */
export function TeamDayView({ date, people, colors, events, onEventClick, onSelect, onChange }: Props) {
  const { timeZone } = useFormat()
  const hours = useMemo(() => gridHours(events, timeZone, date), [events, timeZone, date])
  const byPerson = useMemo(() => {
    const map = new Map<number, CalendarEventInput[]>()
    for (const e of events) {
      const id = itemPerson(e.extendedProps.item)
      if (id === null) continue
      map.set(id, [...(map.get(id) ?? []), e])
    }
    return map
  }, [events])

  return (
    <Flex className="crm-team-day" style={{ overflowX: 'auto' }}>
      {people.map((p, i) => (
        <div key={p.id} style={{ flex: `1 0 ${i === 0 ? 260 : 200}px`, minWidth: 0 }} data-person={p.id}>
          <OrganizerCalendar
            view="day"
            date={date}
            events={byPerson.get(p.id) ?? []}
            hours={hours}
            column={{ title: p.name, color: colors.get(p.id) ?? '#1677ff', showAxis: i === 0 }}
            onEventClick={onEventClick}
            onSelect={onSelect ? (slot) => onSelect(slot, p.id) : undefined}
            onChange={onChange}
          />
        </div>
      ))}
    </Flex>
  )
}
