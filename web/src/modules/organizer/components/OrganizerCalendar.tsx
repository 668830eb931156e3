import { CheckOutlined, CheckSquareOutlined, ExclamationCircleOutlined } from '@ant-design/icons'
import FullCalendar, { type CalendarRef, type EventDisplayInfo } from '@fullcalendar/react'
import dayGridPlugin from '@fullcalendar/react/daygrid'
import interactionPlugin from '@fullcalendar/react/interaction'
import enGbLocale from '@fullcalendar/react/locales/en-gb'
import ruLocale from '@fullcalendar/react/locales/ru'
import classicTheme from '@fullcalendar/react/themes/classic'
import timeGridPlugin from '@fullcalendar/react/timegrid'
import '@fullcalendar/react/skeleton.css'
import '@fullcalendar/react/themes/classic/theme.css'
import '@fullcalendar/react/themes/classic/palette.css'
import './organizer-calendar.css'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { usePreferences } from '../../../app/preferences/preferences-context.ts'
import { zonedWallTimeToIso } from '../../../ui/format.ts'
import { useFormat } from '../../../ui/use-format.ts'
import type { CalendarChange } from '../hooks/use-reschedule.ts'
import { type CalendarEventInput, type CalendarItem, eventItem } from '../lib/calendar-events.ts'
import { type CalendarView, FULLCALENDAR_VIEW } from '../lib/calendar-range.ts'

const PLUGINS = [dayGridPlugin, timeGridPlugin, interactionPlugin, classicTheme]

/** Rows of the team's day columns, in pixels: the same in every column whether it shows the hours or not. */
const TEAM_SLOT_HEIGHT = 28

/** Where a new activity starts when a whole day (the month view) is picked. */
const DAY_PICK_HOUR = 10

export interface SlotPick {
  startsAt: string
  durationMin?: number
}

interface Props {
  view: CalendarView
  date: string
  events: CalendarEventInput[]
  onEventClick: (item: CalendarItem) => void
  onSelect?: (slot: SlotPick) => void
  onChange: (change: CalendarChange) => void
  /** The hours the time grid spans (the team view gives all columns the same ones). */
  hours?: { min: string; max: string }
  /** A person's column in the team day view: their name heads it and the grid grows to its content. */
  column?: { title: string; color: string; showAxis: boolean }
}

function EventContent({ arg }: { arg: EventDisplayInfo }) {
  const { t } = useTranslation()
  const item = eventItem(arg.event.extendedProps)
  const done = item?.kind === 'activity' ? item.activity.status === 'done' : item?.task.status === 'done'
  const overdue = item?.kind === 'activity' ? item.activity.overdue : item?.task.overdue
  const tall = arg.view.type.startsWith('timeGrid') && !arg.isShort
  return (
    <div className={tall ? 'crm-event-body crm-event-body-tall' : 'crm-event-body'}>
      {arg.timeText && <span className="crm-event-time">{arg.timeText}</span>}
      {item?.kind === 'task' && (
        <CheckSquareOutlined className="crm-event-icon" aria-label={t('calendar.legend.task')} />
      )}
      {done && <CheckOutlined className="crm-event-icon" aria-label={t('calendar.legend.done')} />}
      {overdue && (
        <ExclamationCircleOutlined className="crm-event-icon" aria-label={t('calendar.legend.overdue')} />
      )}
      <span className="crm-event-title">{arg.event.title}</span>
    </div>
  )
}

/**
 * One FullCalendar: day, week or month, in the employee's time zone and language, weeks from Monday.
 * Events come from the page (only the visible period is loaded); dragging and resizing report a change
 * the page saves or reverts; picking an empty slot offers to plan an activity there.
 */
export function OrganizerCalendar({
  view,
  date,
  events,
  onEventClick,
  onSelect,
  onChange,
  hours,
  column,
}: Props) {
  const { t } = useTranslation()
  const { language, timeZone } = useFormat()
  const { isDark } = usePreferences()
  const ref = useRef<CalendarRef>(null)

  useEffect(() => {
    ref.current?.getApi().changeView(FULLCALENDAR_VIEW[view], date)
  }, [view, date])

  return (
    <div className={column ? 'crm-calendar crm-calendar-column' : 'crm-calendar'}>
      <FullCalendar
        ref={ref}
        plugins={PLUGINS}
        initialView={FULLCALENDAR_VIEW[view]}
        initialDate={date}
        headerToolbar={false}
        timeZone={timeZone}
        locale={language === 'ru' ? ruLocale : enGbLocale}
        firstDay={1}
        colorScheme={isDark ? 'dark' : 'light'}
        height={column ? 'auto' : '72vh'}
        allDaySlot={false}
        nowIndicator
        scrollTime="08:00:00"
        slotMinTime={hours?.min ?? '00:00:00'}
        slotMaxTime={hours?.max ?? '24:00:00'}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        dayMaxEvents
        eventDisplay="block"
        editable
        selectable={Boolean(onSelect)}
        selectMirror
        events={events}
        eventContent={(arg) => <EventContent arg={arg} />}
        timedText={t('calendar.timed')}
        // The team's columns after the first leave the hours to it; a fixed row height keeps them in line.
        slotHeaderContent={column && !column.showAxis ? () => null : undefined}
        slotMinHeight={column ? TEAM_SLOT_HEIGHT : undefined}
        dayHeaderContent={
          column
            ? () => (
                <span className="crm-column-title">
                  <span className="crm-dot" style={{ background: column.color }} />
                  {column.title}
                </span>
              )
            : undefined
        }
        eventClick={(info) => {
          info.jsEvent.preventDefault()
          const item = eventItem(info.event.extendedProps)
          if (item) onEventClick(item)
        }}
        select={(info) => {
          ref.current?.getApi().unselect()
          if (!onSelect) return
          if (info.allDay) {
            onSelect({ startsAt: zonedWallTimeToIso(info.startStr.slice(0, 10), timeZone, DAY_PICK_HOUR) })
          } else {
            const minutes = Math.round((info.end.getTime() - info.start.getTime()) / 60_000)
            onSelect({ startsAt: info.start.toISOString(), durationMin: minutes })
          }
        }}
        eventDrop={(info) => {
          const item = eventItem(info.event.extendedProps)
          if (!item || !info.event.start) return info.revert()
          onChange({
            item,
            start: info.event.start,
            end: info.event.end,
            resized: false,
            revert: info.revert,
          })
        }}
        eventResize={(info) => {
          const item = eventItem(info.event.extendedProps)
          if (!item || !info.event.start) return info.revert()
          onChange({ item, start: info.event.start, end: info.event.end, resized: true, revert: info.revert })
        }}
        moreLinkHint={(n) => t('calendar.more', { count: n })}
      />
    </div>
  )
}
