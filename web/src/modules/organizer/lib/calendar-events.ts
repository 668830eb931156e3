import type { Activity, Task } from '@mmcrm/server/api-types'

/** What a calendar event stands for. */
export type CalendarItem = { kind: 'activity'; activity: Activity } | { kind: 'task'; task: Task }

/** A task is a moment (its due time): in a time grid it shows as a short event of this length. */
export const TASK_EVENT_MINUTES = 15
/** An activity without a duration still needs room to be seen and grabbed. */
export const MIN_EVENT_MINUTES = 15
/** Tasks have no type: in the type colouring they share one neutral colour. */
export const TASK_COLOR = '#c41d7f'

/** Distinct colours for people shown side by side (the type colours are the administrator's). */
const PERSON_PALETTE = [
  '#1677ff',
  '#eb2f96',
  '#52c41a',
  '#fa8c16',
  '#722ed1',
  '#13c2c2',
  '#f5222d',
  '#2f54eb',
  '#faad14',
  '#08979c',
  '#c41d7f',
  '#7cb305',
] as const

/** A colour for each person, by their order in the selection (stable while the selection stays). */
export function personColors(ids: readonly number[]): Map<number, string> {
  return new Map(ids.map((id, i) => [id, PERSON_PALETTE[i % PERSON_PALETTE.length]!]))
}

export interface EventLook {
  /** `person` when several people's calendars share one grid. */
  colorBy: 'type' | 'person'
  personColors: ReadonlyMap<number, string>
  /** Put the performer's name on each event. */
  showPerson: boolean
}

/** The event as FullCalendar takes it (start and end as UTC instants; the calendar shows them in its zone). */
export interface CalendarEventInput {
  id: string
  title: string
  start: string
  end: string
  color: string
  /** The text colour; a task's is its own colour (it is drawn as an outline). */
  contrastColor?: string
  className: string
  startEditable: boolean
  durationEditable: boolean
  extendedProps: { item: CalendarItem; person: string | null; label: string }
}

function plusMinutes(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString()
}

/** «Звонок: ООО «Ромашка» — обсудить договор»: type, whom, and what about. */
export function activityLabel(a: Activity): string {
  const whom = a.client?.name || a.subject.title
  const head = [a.type.name, whom].filter(Boolean).join(': ')
  return a.title ? `${head} — ${a.title}` : head
}

export function taskLabel(t: Task): string {
  return t.client ? `${t.title} — ${t.client.name}` : t.title
}

/** «Иван Иванов» → «Иван И.»: enough to tell colleagues apart on a crowded event. */
export function shortPersonName(name: string): string {
  const [first, second] = name.trim().split(/\s+/)
  if (!first) return name
  return second ? `${first} ${second.charAt(0)}.` : first
}

function classes(...names: Array<string | false>): string {
  return names.filter(Boolean).join(' ')
}

export function activityEvent(a: Activity, look: EventLook): CalendarEventInput {
  const label = activityLabel(a)
  const person = a.owner?.name ?? null
  const personColor = a.owner ? look.personColors.get(a.owner.id) : undefined
  const editable = a.canEdit && a.status === 'planned'
  return {
    id: `activity:${a.id}`,
    title: look.showPerson && person ? `${shortPersonName(person)} · ${label}` : label,
    start: a.startsAt,
    end: plusMinutes(a.startsAt, Math.max(a.durationMin, MIN_EVENT_MINUTES)),
    color: look.colorBy === 'person' && personColor ? personColor : a.type.color,
    className: classes(
      'crm-event',
      'crm-event-activity',
      a.status === 'done' && 'crm-event-done',
      a.status === 'cancelled' && 'crm-event-cancelled',
      a.overdue && 'crm-event-overdue',
    ),
    startEditable: editable,
    durationEditable: editable,
    extendedProps: { item: { kind: 'activity', activity: a }, person, label },
  }
}

/** A task with a due time as a short event; a task without one has no place in a calendar. */
export function taskEvent(t: Task, look: EventLook): CalendarEventInput | null {
  if (!t.dueAt || t.status === 'cancelled') return null
  const label = taskLabel(t)
  const person = t.assignee?.name ?? null
  const personColor = t.assignee ? look.personColors.get(t.assignee.id) : undefined
  const color = look.colorBy === 'person' && personColor ? personColor : TASK_COLOR
  return {
    id: `task:${t.id}`,
    title: look.showPerson && person ? `${shortPersonName(person)} · ${label}` : label,
    start: t.dueAt,
    end: plusMinutes(t.dueAt, TASK_EVENT_MINUTES),
    color,
    contrastColor: color,
    className: classes(
      'crm-event',
      'crm-event-task',
      t.status === 'done' && 'crm-event-done',
      t.overdue && 'crm-event-overdue',
    ),
    startEditable: t.canEdit && t.status === 'open',
    durationEditable: false,
    extendedProps: { item: { kind: 'task', task: t }, person, label },
  }
}

/** Everything to draw: activities (cancelled ones left out) and dated tasks, in time order. */
export function calendarEvents(
  activities: readonly Activity[],
  tasks: readonly Task[],
  look: EventLook,
): CalendarEventInput[] {
  const events = [
    ...activities.filter((a) => a.status !== 'cancelled').map((a) => activityEvent(a, look)),
    ...tasks.map((t) => taskEvent(t, look)).filter((e): e is CalendarEventInput => e !== null),
  ]
  return events.sort((x, y) => x.start.localeCompare(y.start) || x.id.localeCompare(y.id))
}

/** Whether the item belongs to a recurring series (a move then asks: only this one, or the series from here). */
export function isInSeries(item: CalendarItem): boolean {
  return item.kind === 'activity' ? item.activity.recurrence !== null : item.task.recurrence !== null
}

export type ReschedulePatch = { startsAt: string; durationMin: number } | { dueAt: string }

/**
 * What to send after a drag or a resize: an activity's new start and (resized) its new length; a task's
 * new due time. A move keeps the activity's own duration — even 0, which the grid draws longer.
 */
export function reschedulePatch(
  item: CalendarItem,
  change: { start: Date; end: Date | null; resized: boolean },
): ReschedulePatch {
  const startsAt = change.start.toISOString()
  if (item.kind === 'task') return { dueAt: startsAt }
  const a = item.activity
  const durationMin =
    change.resized && change.end
      ? Math.max(0, Math.round((change.end.getTime() - change.start.getTime()) / 60_000))
      : a.durationMin
  return { startsAt, durationMin }
}

/** The item an event stands for, read back from FullCalendar's `extendedProps`. */
export function eventItem(extendedProps: Readonly<Record<string, unknown>>): CalendarItem | null {
  const item = extendedProps.item
  if (typeof item !== 'object' || item === null || !('kind' in item)) return null
  return item as CalendarItem
}

function hourIn(iso: string, timeZone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return { hour: get('hour'), minute: get('minute') }
}

const pad = (n: number) => `${String(n).padStart(2, '0')}:00:00`

/**
 * The hours a day grid spans: the working day (`from`–`to`), widened to whole hours so that every event of
 * the day in the zone is inside. Several people's columns share it, so their rows line up.
 */
export function gridHours(
  events: readonly Pick<CalendarEventInput, 'start' | 'end'>[],
  timeZone: string,
  day: string,
  workday = { from: 8, to: 20 },
): { min: string; max: string } {
  let min = workday.from
  let max = workday.to
  const dayOf = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso))
  for (const e of events) {
    const startDay = dayOf(e.start)
    const endDay = dayOf(e.end)
    if (startDay > day || endDay < day) continue
    const start = startDay < day ? { hour: 0, minute: 0 } : hourIn(e.start, timeZone)
    const end = endDay > day ? { hour: 24, minute: 0 } : hourIn(e.end, timeZone)
    min = Math.min(min, start.hour)
    max = Math.max(max, end.minute > 0 ? end.hour + 1 : end.hour)
  }
  return { min: pad(Math.max(0, min)), max: pad(Math.min(24, max)) }
}

/** Whose the item is: an activity's performer, a task's assignee. */
export function itemPerson(item: CalendarItem): number | null {
  return item.kind === 'activity' ? (item.activity.owner?.id ?? null) : (item.task.assignee?.id ?? null)
}

/** The activity types on screen, each once, by name: the legend of the type colouring. */
export function typeLegend(
  activities: readonly Activity[],
): Array<{ key: string; name: string; color: string }> {
  const seen = new Map<number, { key: string; name: string; color: string }>()
  for (const a of activities) {
    if (!seen.has(a.type.id))
      seen.set(a.type.id, { key: `type:${a.type.id}`, name: a.type.name, color: a.type.color })
  }
  return [...seen.values()].sort((x, y) => x.name.localeCompare(y.name))
}
