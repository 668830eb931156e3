import type { ReminderSettings, Task, TaskCreate, TaskUpdate } from '@mmcrm/server/api-types'
import type { Dayjs } from 'dayjs'
import type { FieldName } from '../../../ui/apply-field-errors.ts'
import { buildRecurrence, NO_REPEAT, type RepeatValue } from '../logic/recurrence.ts'
import { normalizeReminders, sameReminders } from '../logic/reminders.ts'
import { isoFromWall, wallFromIso, wallNow } from '../logic/wall-time.ts'
import { reminderOffsets } from './activity-form-values.ts'
import type { ChecklistItem } from './ChecklistInput.tsx'

export type TaskPriority = Task['priority']
export type TaskStatus = Task['status']
export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const satisfies readonly TaskPriority[]
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const satisfies readonly TaskStatus[]

/** What a task form starts from when it creates one. */
export interface TaskFormDefaults {
  subjectType?: string
  subjectId?: number
  clientName?: string
  dueAt?: string
  assigneeId?: number
}

export interface TaskFormValues {
  title: string
  description: string
  dueAt: Dayjs | null
  priority: TaskPriority
  assigneeId: number
  clientId: number | null
  checklist: ChecklistItem[]
  reminders: number[]
  repeat: RepeatValue
  status: TaskStatus
}

/** The end of the working day: today at 18:00, or the next day once that has passed. */
export function defaultDue(timeZone: string, now: Date = new Date()): Dayjs {
  const wall = wallNow(timeZone, now)
  const today = wall.startOf('day').hour(18)
  return wall.isBefore(today) ? today : today.add(1, 'day')
}

export function defaultTaskReminders(settings: ReminderSettings | undefined): number[] {
  return settings ? normalizeReminders(settings.task) : []
}

export function initialTaskValues(
  input: { task?: Task; defaults?: TaskFormDefaults; meId: number; timeZone: string },
  now: Date = new Date(),
): TaskFormValues {
  const { task, defaults, meId, timeZone } = input
  if (task)
    return {
      title: task.title,
      description: task.description,
      dueAt: task.dueAt ? wallFromIso(task.dueAt, timeZone) : null,
      priority: task.priority,
      assigneeId: task.assignee?.id ?? meId,
      clientId: task.client?.id ?? null,
      checklist: task.checklist.map((i) => ({ ...i })),
      reminders: reminderOffsets(task.reminders),
      repeat: NO_REPEAT,
      status: task.status,
    }
  return {
    title: '',
    description: '',
    dueAt: defaults?.dueAt ? wallFromIso(defaults.dueAt, timeZone) : defaultDue(timeZone, now),
    priority: 'normal',
    assigneeId: defaults?.assigneeId ?? meId,
    clientId: (defaults?.subjectType ?? 'client') === 'client' ? (defaults?.subjectId ?? null) : null,
    checklist: [],
    reminders: [],
    repeat: NO_REPEAT,
    status: 'open',
  }
}

/** Checklist items as the server takes them: no empty ones. */
function cleanChecklist(items: ChecklistItem[]): ChecklistItem[] {
  return items.map((i) => ({ text: i.text.trim(), done: i.done })).filter((i) => i.text)
}

export function taskCreateBody(
  values: TaskFormValues,
  ctx: { subject: { type: string; id: number } | null; timeZone: string; remindersChosen: boolean },
): TaskCreate {
  const due = values.dueAt ? isoFromWall(values.dueAt, ctx.timeZone) : null
  return {
    title: values.title.trim(),
    description: values.description,
    priority: values.priority,
    dueAt: due,
    assigneeId: values.assigneeId,
    ...(ctx.subject ? { subjectType: ctx.subject.type, subjectId: ctx.subject.id } : {}),
    checklist: cleanChecklist(values.checklist),
    reminders: ctx.remindersChosen && due ? normalizeReminders(values.reminders) : undefined,
    recurrence: values.dueAt ? buildRecurrence(values.repeat, values.dueAt) : undefined,
  }
}

const minuteOf = (iso: string) => Math.floor(new Date(iso).getTime() / 60_000)

/** Only what changed. */
export function taskPatch(
  task: Task,
  values: TaskFormValues,
  ctx: { timeZone: string; remindersChosen: boolean },
): TaskUpdate {
  const patch: TaskUpdate = {}
  if (values.title.trim() !== task.title) patch.title = values.title.trim()
  if (values.description !== task.description) patch.description = values.description
  if (values.priority !== task.priority) patch.priority = values.priority
  const due = values.dueAt ? isoFromWall(values.dueAt, ctx.timeZone) : null
  if (
    (due === null) !== (task.dueAt === null) ||
    (due && task.dueAt && minuteOf(due) !== minuteOf(task.dueAt))
  )
    patch.dueAt = due
  if (values.assigneeId !== (task.assignee?.id ?? values.assigneeId)) patch.assigneeId = values.assigneeId
  if (values.status !== task.status) patch.status = values.status
  const checklist = cleanChecklist(values.checklist)
  if (JSON.stringify(checklist) !== JSON.stringify(task.checklist)) patch.checklist = checklist
  if (ctx.remindersChosen && !sameReminders(values.reminders, reminderOffsets(task.reminders)))
    patch.reminders = normalizeReminders(values.reminders)
  return patch
}

const FORM_FIELDS = new Set([
  'title',
  'description',
  'dueAt',
  'priority',
  'assigneeId',
  'checklist',
  'status',
])

/** Where the server's field errors go on the task form. */
export function taskErrorField(path: string): FieldName | null {
  if (path === 'subjectId' || path === 'subjectType') return 'clientId'
  if (path.startsWith('recurrence')) return 'repeat'
  if (path.startsWith('reminders')) return 'reminders'
  const first = path.split('.')[0] ?? path
  return FORM_FIELDS.has(first) ? first : null
}
