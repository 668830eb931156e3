import { CheckSquareOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Spin } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth, useMe } from '../app/auth/auth-context.ts'
import { CalendarItemDrawer } from '../modules/organizer/components/CalendarItemDrawer.tsx'
import { CalendarLegend } from '../modules/organizer/components/CalendarLegend.tsx'
import { CalendarToolbar } from '../modules/organizer/components/CalendarToolbar.tsx'
import { OrganizerCalendar, type SlotPick } from '../modules/organizer/components/OrganizerCalendar.tsx'
import { PeoplePicker } from '../modules/organizer/components/PeoplePicker.tsx'
import { TeamDayView } from '../modules/organizer/components/TeamDayView.tsx'
import { useAskScope } from '../modules/organizer/hooks/use-ask-scope.tsx'
import { useCalendarData, useCalendarPeople } from '../modules/organizer/hooks/use-calendar-data.ts'
import { useCalendarState } from '../modules/organizer/hooks/use-calendar-state.ts'
import { useOrganizerDialogs } from '../modules/organizer/hooks/use-organizer-dialogs.tsx'
import { useOrganizerLive } from '../modules/organizer/hooks/use-organizer-refresh.ts'
import { useReschedule } from '../modules/organizer/hooks/use-reschedule.ts'
import { useTaskStatus } from '../modules/organizer/hooks/use-task-status.ts'
import {
  type CalendarItem,
  calendarEvents,
  type EventLook,
  personColors,
  typeLegend,
} from '../modules/organizer/lib/calendar-events.ts'
import { instantRange, todayIn, visibleDays } from '../modules/organizer/lib/calendar-range.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import { useFormat } from '../ui/use-format.ts'

/**
 * The calendar: day, week and month of the employee's activities and dated tasks — or, for a head, of
 * chosen colleagues, side by side in the day view. Drag to reschedule, click to see and act, pick an
 * empty slot to plan an activity there. Only the visible period is loaded.
 */
export function CalendarPage() {
  const { t } = useTranslation()
  const me = useMe()
  const { can } = useAuth()
  const { timeZone } = useFormat()
  const [state, update] = useCalendarState(timeZone)
  const today = todayIn(timeZone)
  const range = useMemo(
    () => instantRange(visibleDays(state.view, state.date), timeZone),
    [state.view, state.date, timeZone],
  )
  const peopleList = useCalendarPeople()
  const people = state.people
  const data = useCalendarData(range, people, me.id)
  const dialogs = useOrganizerDialogs()
  const scope = useAskScope()
  const reschedule = useReschedule(scope.ask)
  const taskStatus = useTaskStatus()
  const [selected, setSelected] = useState<CalendarItem | null>(null)
  useOrganizerLive()
  const canWrite = can('activities.write')

  const several = people.length > 1
  const teamDay = several && state.view === 'day'
  const colors = useMemo(() => personColors(people), [people])
  // Several people in one grid: coloured by person and named; in the team day each has a column of their own.
  const look = useMemo<EventLook>(
    () => ({ colorBy: several ? 'person' : 'type', personColors: colors, showPerson: several && !teamDay }),
    [several, teamDay, colors],
  )
  const events = useMemo(
    () => calendarEvents(data.activities, data.tasks, look),
    [data.activities, data.tasks, look],
  )
  const chosenPeople = useMemo(() => {
    const byId = new Map((peopleList.data ?? []).map((p) => [p.id, p]))
    return people.map((id) => byId.get(id) ?? { id, name: `#${id}`, teamId: null, isMe: id === me.id })
  }, [peopleList.data, people, me.id])
  const legend = several
    ? chosenPeople.map((p) => ({ key: `person:${p.id}`, name: p.name, color: colors.get(p.id) ?? '#1677ff' }))
    : typeLegend(data.activities)

  const plan = (slot: SlotPick, ownerId?: number) => {
    if (!canWrite) return
    dialogs.planActivity({
      startsAt: slot.startsAt,
      durationMin: slot.durationMin,
      ownerId: ownerId ?? (people.length === 1 ? people[0] : undefined),
    })
  }
  const open = (item: CalendarItem) => setSelected(item)
  // The drawer shows the item as loaded last: after a change it is closed rather than shown stale.
  const closeDrawer = () => setSelected(null)

  const common = {
    events,
    onEventClick: open,
    onChange: (change: Parameters<typeof reschedule>[0]) => void reschedule(change),
  }
  const showPeoplePicker = (peopleList.data?.length ?? 0) > 1

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        extra={
          canWrite && (
            <>
              <Button
                icon={<CheckSquareOutlined />}
                onClick={() => dialogs.newTask(people.length === 1 ? { assigneeId: people[0] } : undefined)}
              >
                {t('organizer.newTask')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => dialogs.planActivity(people.length === 1 ? { ownerId: people[0] } : undefined)}
              >
                {t('organizer.planActivity')}
              </Button>
            </>
          )
        }
      />
      <CalendarToolbar
        view={state.view}
        date={state.date}
        today={today}
        onChange={update}
        extra={
          <>
            {data.isFetching && <Spin size="small" aria-label={t('common.loading')} />}
            {showPeoplePicker && (
              <PeoplePicker
                people={peopleList.data ?? []}
                value={people}
                meId={me.id}
                onChange={(ids) => update({ people: ids })}
              />
            )}
          </>
        }
      />
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {teamDay ? (
        <TeamDayView
          date={state.date}
          people={chosenPeople}
          colors={colors}
          {...common}
          onSelect={canWrite ? (slot, personId) => plan(slot, personId) : undefined}
        />
      ) : (
        <OrganizerCalendar
          view={state.view}
          date={state.date}
          {...common}
          onSelect={canWrite ? (slot) => plan(slot) : undefined}
        />
      )}
      <Flex>
        <CalendarLegend entries={legend} colorBy={several ? 'person' : 'type'} />
      </Flex>
      <CalendarItemDrawer
        item={selected}
        onClose={closeDrawer}
        onComplete={(a) => {
          closeDrawer()
          dialogs.completeActivity(a)
        }}
        onEditActivity={(a) => {
          closeDrawer()
          dialogs.editActivity(a)
        }}
        onEditTask={(task) => {
          closeDrawer()
          dialogs.editTask(task)
        }}
        onTaskDone={(task, done) => taskStatus.mutate({ task, done }, { onSuccess: closeDrawer })}
        taskBusy={taskStatus.isPending}
      />
      {scope.element}
      {dialogs.element}
    </>
  )
}
