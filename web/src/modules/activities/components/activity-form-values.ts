import type {
  Activity,
  ActivityCreate,
  ActivityType,
  ActivityUpdate,
  ReminderSettings,
} from '@mmcrm/server/api-types'
import type { Dayjs } from 'dayjs'
import type { FieldName } from '../../../ui/apply-field-errors.ts'
import { buildRecurrence, NO_REPEAT, type RepeatValue } from '../logic/recurrence.ts'
import { normalizeReminders, sameReminders } from '../logic/reminders.ts'
import { isoFromWall, nextQuarter, wallFromIso, wallNow } from '../logic/wall-time.ts'

/** What an activity form starts from when it plans or logs a new one. */
export interface ActivityFormDefaults {
  subjectType?: string
  subjectId?: number
  clientName?: string
  startsAt?: string
  durationMin?: number
  typeId?: number
  ownerId?: number
  status?: 'planned' | 'done'
}

export interface ActivityFormValues {
  status: 'planned' | 'done'
  typeId?: number
  direction: 'in' | 'out'
  clientId: number | null
  contactId: number | null
  startsAt: Dayjs
  durationMin: number
  ownerId: number
  title: string
  description: string
  location: string
  reminders: number[]
  repeat: RepeatValue
  outcomeId: number | null
  result: string
}

/** The offsets of an activity's or task's reminders that still count (not cancelled). */
export function reminderOffsets(reminders: { offsetMin: number; status: string }[]): number[] {
  return normalizeReminders(reminders.filter((r) => r.status !== 'cancelled').map((r) => r.offsetMin))
}

/** The caller's default reminders for a type (its own, else the general activity default). */
export function defaultActivityReminders(
  settings: ReminderSettings | undefined,
  type: ActivityType | undefined,
): number[] {
  if (!settings) return []
  return normalizeReminders((type && settings.byType[type.code]) ?? settings.activity)
}

/** A moment rounded down to five minutes (a contact that has just taken place). */
function roundedNow(timeZone: string, now: Date): Dayjs {
  const wall = wallNow(timeZone, now).second(0).millisecond(0)
  return wall.subtract(wall.minute() % 5, 'minute')
}

export function initialActivityValues(
  input: {
    activity?: Activity
    defaults?: ActivityFormDefaults
    types: ActivityType[]
    meId: number
    timeZone: string
  },
  now: Date = new Date(),
): ActivityFormValues {
  const { activity, defaults, types, meId, timeZone } = input
  if (activity)
    return {
      status: activity.status === 'done' ? 'done' : 'planned',
      typeId: activity.type.id,
      direction: activity.direction ?? 'out',
      clientId: activity.client?.id ?? null,
      contactId: activity.contact?.id ?? null,
      startsAt: wallFromIso(activity.startsAt, timeZone),
      durationMin: activity.durationMin,
      ownerId: activity.owner?.id ?? meId,
      title: activity.title,
      description: activity.description,
      location: activity.location,
      reminders: reminderOffsets(activity.reminders),
      repeat: NO_REPEAT,
      outcomeId: activity.outcome?.id ?? null,
      result: activity.result,
    }
  const status = defaults?.status ?? 'planned'
  const active = types.filter((t) => t.isActive)
  const type = active.find((t) => t.id === defaults?.typeId) ?? active[0]
  let startsAt: Dayjs
  if (defaults?.startsAt) startsAt = wallFromIso(defaults.startsAt, timeZone)
  else startsAt = status === 'done' ? roundedNow(timeZone, now) : nextQuarter(timeZone, now)
  return {
    status,
    typeId: type?.id,
    direction: 'out',
    clientId: (defaults?.subjectType ?? 'client') === 'client' ? (defaults?.subjectId ?? null) : null,
    contactId: null,
    startsAt,
    durationMin: defaults?.durationMin ?? type?.defaultDurationMin ?? 30,
    ownerId: defaults?.ownerId ?? meId,
    title: '',
    description: '',
    location: '',
    reminders: [],
    repeat: NO_REPEAT,
    outcomeId: null,
    result: '',
  }
}

/** The start for a status chosen while creating (now for a logged contact, soon for a planned one). */
export function startForStatus(status: 'planned' | 'done', timeZone: string, now: Date = new Date()): Dayjs {
  return status === 'done' ? roundedNow(timeZone, now) : nextQuarter(timeZone, now)
}

/** The body that creates the activity; reminders only when chosen (else the employee's defaults apply). */
export function activityCreateBody(
  values: ActivityFormValues,
  ctx: {
    subject: { type: string; id: number }
    type: ActivityType
    timeZone: string
    remindersChosen: boolean
  },
): ActivityCreate {
  const done = values.status === 'done'
  return {
    typeId: ctx.type.id,
    status: values.status,
    subjectType: ctx.subject.type,
    subjectId: ctx.subject.id,
    contactId: values.contactId ?? null,
    direction: ctx.type.hasDirection ? values.direction : null,
    title: values.title.trim(),
    description: values.description,
    location: values.location.trim(),
    startsAt: isoFromWall(values.startsAt, ctx.timeZone),
    durationMin: values.durationMin,
    ownerId: values.ownerId,
    ...(done
      ? { outcomeId: values.outcomeId ?? null, result: values.result }
      : {
          reminders: ctx.remindersChosen ? normalizeReminders(values.reminders) : undefined,
          recurrence: buildRecurrence(values.repeat, values.startsAt),
        }),
  }
}

const minuteOf = (iso: string) => Math.floor(new Date(iso).getTime() / 60_000)

/** Only what changed, so the audit trail and a series change carry nothing else. */
export function activityPatch(
  activity: Activity,
  values: ActivityFormValues,
  ctx: { type: ActivityType | undefined; timeZone: string; remindersChosen: boolean },
): ActivityUpdate {
  const patch: ActivityUpdate = {}
  if (values.typeId !== undefined && values.typeId !== activity.type.id) patch.typeId = values.typeId
  if (ctx.type?.hasDirection && values.direction !== activity.direction) patch.direction = values.direction
  if ((values.contactId ?? null) !== (activity.contact?.id ?? null))
    patch.contactId = values.contactId ?? null
  if (values.title.trim() !== activity.title) patch.title = values.title.trim()
  if (values.description !== activity.description) patch.description = values.description
  if (values.location.trim() !== activity.location) patch.location = values.location.trim()
  const startsAt = isoFromWall(values.startsAt, ctx.timeZone)
  if (minuteOf(startsAt) !== minuteOf(activity.startsAt)) patch.startsAt = startsAt
  if (values.durationMin !== activity.durationMin) patch.durationMin = values.durationMin
  if (values.ownerId !== (activity.owner?.id ?? values.ownerId)) patch.ownerId = values.ownerId
  if (activity.status === 'done') {
    if ((values.outcomeId ?? null) !== (activity.outcome?.id ?? null))
      patch.outcomeId = values.outcomeId ?? null
    if (values.result !== activity.result) patch.result = values.result
  } else if (ctx.remindersChosen && !sameReminders(values.reminders, reminderOffsets(activity.reminders))) {
    patch.reminders = normalizeReminders(values.reminders)
  }
  return patch
}

const FORM_FIELDS = new Set([
  'typeId',
  'direction',
  'contactId',
  'startsAt',
  'durationMin',
  'ownerId',
  'title',
  'description',
  'location',
  'outcomeId',
  'result',
])

/** Where the server's field errors go on the activity form. */
export function activityErrorField(path: string): FieldName | null {
  if (path === 'subjectId' || path === 'subjectType') return 'clientId'
  if (path.startsWith('recurrence')) return 'repeat'
  if (path.startsWith('reminders')) return 'reminders'
  if (path.startsWith('next')) return null
  const first = path.split('.')[0] ?? path
  return FORM_FIELDS.has(first) ? first : null
}
