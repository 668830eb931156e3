import { z } from 'zod'

export const idParams = z.object({ id: z.coerce.number().int().positive() })

const refSchema = z.object({ id: z.number().int(), name: z.string() })

/** A moment in time with its offset (`2026-11-27T10:00:00+03:00` or `…Z`); stored in UTC. */
export const instantField = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v).toISOString())
  .meta({ description: 'ISO 8601 date-time with an offset; stored and returned in UTC' })

export const subjectTypeField = z.string().trim().min(1).max(32).meta({
  description: 'The kind of record: `client` (later `dealer`, `campaign`, `inquiry`)',
})

/** Minutes before the activity or due time (0 = at the time); up to 30 days. */
export const reminderOffsetsField = z.array(z.number().int().min(0).max(43_200)).max(5).meta({
  description:
    'Reminders, in minutes before the time (0 = at the time, 15, 60, 1440…). Omitted: the user’s defaults; []: none',
})

export const recurrenceInput = z.object({
  rule: z.string().trim().min(1).max(500).meta({
    description: 'RRULE body, e.g. `FREQ=WEEKLY;BYDAY=MO` (the first occurrence is the start time)',
  }),
  workdays: z.enum(['any', 'shift_forward', 'skip']).default('any').meta({
    description:
      'Occurrences on non-working days (production calendar): keep, move to the next working day, or drop',
  }),
  nthWorkingDay: z
    .number()
    .int()
    .min(-5)
    .max(23)
    .refine((n) => n !== 0)
    .optional()
    .meta({ description: 'A monthly series on the n-th working day of the month (1 = first, -1 = last)' }),
})
export type RecurrenceInput = z.infer<typeof recurrenceInput>

export const recurrenceSchema = z
  .object({
    id: z.number().int(),
    rule: z.string(),
    workdays: z.string(),
    nthWorkingDay: z.number().int().nullable(),
    text: z.string().meta({ description: 'The rule in words, in the caller’s language' }),
  })
  .meta({ id: 'Recurrence' })

export const editScopeField = z
  .enum(['occurrence', 'series'])
  .default('occurrence')
  .meta({ description: 'For an occurrence of a series: change only it, or it and every later one' })

export const reminderSchema = z
  .object({
    id: z.number().int(),
    offsetMin: z.number().int(),
    fireAt: z.string(),
    status: z.enum(['pending', 'sent', 'dismissed', 'cancelled']),
  })
  .meta({ id: 'Reminder' })

// ---------------------------------------------------------------- activity types

export const outcomeSchema = z
  .object({
    id: z.number().int(),
    nameRu: z.string(),
    nameEn: z.string(),
    name: z.string(),
    result: z.enum(['positive', 'neutral', 'negative']),
    isActive: z.boolean(),
  })
  .meta({ id: 'ActivityOutcome' })

export const activityTypeSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    nameRu: z.string(),
    nameEn: z.string(),
    name: z.string(),
    color: z.string(),
    hasDirection: z.boolean(),
    defaultDurationMin: z.number().int(),
    isActive: z.boolean(),
    isSystem: z.boolean(),
    position: z.number().int(),
    outcomes: z.array(outcomeSchema),
    version: z.number().int(),
  })
  .meta({ id: 'ActivityType' })
export type ActivityTypeDto = z.infer<typeof activityTypeSchema>

const outcomeInput = z.object({
  id: z.number().int().positive().optional().meta({ description: 'An existing outcome to keep (renamed)' }),
  nameRu: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
  result: z.enum(['positive', 'neutral', 'negative']).default('neutral'),
  isActive: z.boolean().default(true),
})

const colorField = z.string().regex(/^#[0-9a-fA-F]{6}$/)

export const activityTypeCreateBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/)
    .meta({ description: 'A stable key: lower-case letters, digits, _' }),
  nameRu: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
  color: colorField.default('#1677ff'),
  hasDirection: z.boolean().default(false),
  defaultDurationMin: z.number().int().min(0).max(1440).default(30),
  outcomes: z.array(outcomeInput).max(30).default([]),
})
export type ActivityTypeCreateInput = z.infer<typeof activityTypeCreateBody>

export const activityTypeUpdateBody = z.object({
  nameRu: z.string().trim().min(1).max(100).optional(),
  nameEn: z.string().trim().min(1).max(100).optional(),
  color: colorField.optional(),
  hasDirection: z.boolean().optional(),
  defaultDurationMin: z.number().int().min(0).max(1440).optional(),
  isActive: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  outcomes: z
    .array(outcomeInput)
    .max(30)
    .optional()
    .meta({ description: 'The full list: outcomes left out are deactivated (kept on past activities)' }),
})
export type ActivityTypeUpdateInput = z.infer<typeof activityTypeUpdateBody>

// ---------------------------------------------------------------- activities

export const activitySchema = z
  .object({
    id: z.number().int(),
    type: z.object({ id: z.number().int(), code: z.string(), name: z.string(), color: z.string() }),
    status: z.enum(['planned', 'done', 'cancelled']),
    direction: z.enum(['in', 'out']).nullable(),
    title: z.string(),
    description: z.string(),
    location: z.string(),
    subject: z.object({ type: z.string(), id: z.number().int(), title: z.string() }),
    client: refSchema.nullable(),
    contact: refSchema.nullable(),
    startsAt: z.string(),
    durationMin: z.number().int(),
    endsAt: z.string(),
    owner: refSchema.nullable(),
    outcome: z.object({ id: z.number().int(), name: z.string(), result: z.string() }).nullable(),
    result: z.string(),
    doneAt: z.string().nullable(),
    overdue: z.boolean().meta({ description: 'Planned and its time has passed' }),
    recurrence: recurrenceSchema.nullable(),
    isException: z.boolean().meta({ description: 'An occurrence changed on its own' }),
    reminders: z.array(reminderSchema).meta({ description: 'The caller’s reminders of it' }),
    createdBy: refSchema.nullable(),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Activity' })
export type ActivityDto = z.infer<typeof activitySchema>

const titleField = z.string().trim().max(300)
const textField = z.string().max(20_000)

export const activityCreateBody = z
  .object({
    typeId: z.number().int().positive(),
    status: z.enum(['planned', 'done']).default('planned').meta({
      description:
        '`planned`: to do at `startsAt`; `done`: a contact that took place (log it with its outcome)',
    }),
    subjectType: subjectTypeField.default('client'),
    subjectId: z.number().int().positive(),
    contactId: z.number().int().positive().nullable().optional(),
    direction: z.enum(['in', 'out']).nullable().optional(),
    title: titleField.default(''),
    description: textField.default(''),
    location: z.string().trim().max(500).default(''),
    startsAt: instantField,
    durationMin: z.number().int().min(0).max(20_160).optional().meta({ description: 'Default: the type’s' }),
    ownerId: z.number().int().positive().optional().meta({ description: 'Who does it; default the caller' }),
    outcomeId: z.number().int().positive().nullable().optional(),
    result: textField.default(''),
    reminders: reminderOffsetsField.optional(),
    recurrence: recurrenceInput.optional(),
  })
  .meta({ id: 'ActivityCreate' })
export type ActivityCreateInput = z.infer<typeof activityCreateBody>

export const activityUpdateBody = z
  .object({
    typeId: z.number().int().positive().optional(),
    contactId: z.number().int().positive().nullable().optional(),
    direction: z.enum(['in', 'out']).nullable().optional(),
    title: titleField.optional(),
    description: textField.optional(),
    location: z.string().trim().max(500).optional(),
    startsAt: instantField.optional(),
    durationMin: z.number().int().min(0).max(20_160).optional(),
    ownerId: z.number().int().positive().optional(),
    outcomeId: z.number().int().positive().nullable().optional(),
    result: textField.optional(),
    reminders: reminderOffsetsField.optional(),
    scope: editScopeField,
  })
  .meta({ id: 'ActivityUpdate' })
export type ActivityUpdateInput = z.infer<typeof activityUpdateBody>

export const activityCompleteBody = z
  .object({
    outcomeId: z.number().int().positive().nullable().default(null),
    result: textField.default(''),
    doneAt: instantField.optional().meta({ description: 'When it took place; default now' }),
    next: z
      .object({
        typeId: z.number().int().positive(),
        startsAt: instantField,
        durationMin: z.number().int().min(0).max(20_160).optional(),
        title: titleField.default(''),
        reminders: reminderOffsetsField.optional(),
      })
      .optional()
      .meta({ description: 'Plan the next activity with the same client in the same step' }),
  })
  .meta({ id: 'ActivityComplete' })
export type ActivityCompleteInput = z.infer<typeof activityCompleteBody>

export const activityCompletedSchema = z.object({
  activity: activitySchema,
  next: activitySchema.nullable(),
})

export const activityDeleteQuery = z.object({ scope: editScopeField })

export const activityListQuery = z.object({
  from: instantField.meta({ description: 'Start of the period (activities starting at or after)' }),
  to: instantField.meta({ description: 'End of the period (exclusive)' }),
  ownerId: z
    .string()
    .regex(/^(me|team|\d+(,\d+)*)$/)
    .optional()
    .meta({ description: '`me`, `team` (everyone the caller may see in their team) or ids `1,2`' }),
  clientId: z.coerce.number().int().positive().optional(),
  status: z.enum(['planned', 'done', 'cancelled', 'open']).optional().meta({
    description: '`open` = planned; default: all but cancelled',
  }),
  typeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(1000),
})
export type ActivityListQuery = z.infer<typeof activityListQuery>

// ---------------------------------------------------------------- tasks

export const checklistItem = z.object({
  text: z.string().trim().min(1).max(500),
  done: z.boolean().default(false),
})

export const taskSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    status: z.enum(['open', 'done', 'cancelled']),
    priority: z.enum(['low', 'normal', 'high']),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    assignee: refSchema.nullable(),
    subject: z.object({ type: z.string(), id: z.number().int(), title: z.string() }).nullable(),
    client: refSchema.nullable(),
    checklist: z.array(z.object({ text: z.string(), done: z.boolean() })),
    doneAt: z.string().nullable(),
    recurrence: recurrenceSchema.nullable(),
    isException: z.boolean(),
    reminders: z.array(reminderSchema),
    createdBy: refSchema.nullable(),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Task' })
export type TaskDto = z.infer<typeof taskSchema>

export const taskCreateBody = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: textField.default(''),
    priority: z.enum(['low', 'normal', 'high']).default('normal'),
    dueAt: instantField.nullable().default(null),
    assigneeId: z.number().int().positive().optional().meta({ description: 'Default the caller' }),
    subjectType: subjectTypeField.optional(),
    subjectId: z.number().int().positive().optional(),
    checklist: z.array(checklistItem).max(100).default([]),
    reminders: reminderOffsetsField.optional(),
    recurrence: recurrenceInput.optional(),
  })
  .meta({ id: 'TaskCreate' })
export type TaskCreateInput = z.infer<typeof taskCreateBody>

export const taskUpdateBody = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    description: textField.optional(),
    priority: z.enum(['low', 'normal', 'high']).optional(),
    dueAt: instantField.nullable().optional(),
    assigneeId: z.number().int().positive().optional(),
    status: z.enum(['open', 'done', 'cancelled']).optional(),
    checklist: z.array(checklistItem).max(100).optional(),
    reminders: reminderOffsetsField.optional(),
    scope: editScopeField,
  })
  .meta({ id: 'TaskUpdate' })
export type TaskUpdateInput = z.infer<typeof taskUpdateBody>

export const taskListQuery = z.object({
  filter: z
    .enum(['mine', 'assigned_by_me', 'team', 'all'])
    .default('mine')
    .meta({ description: 'Mine; that I assigned to others; my team’s; everything I may see' }),
  status: z.enum(['open', 'done', 'cancelled', 'any']).default('open'),
  overdue: z.stringbool().optional(),
  clientId: z.coerce.number().int().positive().optional(),
  assigneeId: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .max(2000)
    .optional()
    .meta({ description: 'One or several assignees: `5` or `5,7,9`' }),
  dueFrom: instantField.optional(),
  dueTo: instantField.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['due', '-due', 'priority', 'created', '-created']).default('due'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type TaskListQuery = z.infer<typeof taskListQuery>

export const taskPageSchema = z.object({
  items: z.array(taskSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

// ---------------------------------------------------------------- my day and the timeline

export const myDayQuery = z.object({
  date: z.iso.date().optional().meta({ description: 'The day in the caller’s time zone; default today' }),
})

export const myDaySchema = z
  .object({
    date: z.string(),
    timeZone: z.string(),
    overdueActivities: z.array(activitySchema),
    overdueTasks: z.array(taskSchema),
    activities: z.array(activitySchema),
    tasks: z.array(taskSchema),
  })
  .meta({ id: 'MyDay' })

export const timelineQuery = z.object({
  subjectType: subjectTypeField,
  subjectId: z.coerce.number().int().positive(),
  before: z.string().max(60).optional().meta({ description: 'Cursor from the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(30),
})

export const timelineEntrySchema = z
  .object({
    kind: z.enum(['activity', 'task']),
    at: z.string().meta({ description: 'When it happened or is due' }),
    activity: activitySchema.nullable(),
    task: taskSchema.nullable(),
  })
  .meta({ id: 'TimelineEntry' })

export const timelineSchema = z.object({
  /** Planned activities and open tasks, soonest first. */
  upcoming: z.array(timelineEntrySchema),
  /** Done and cancelled ones, newest first, paged. */
  items: z.array(timelineEntrySchema),
  nextBefore: z.string().nullable(),
})

// ---------------------------------------------------------------- reminder defaults and escalation

export const REMINDER_CHANNELS = ['app', 'email'] as const
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number]

const offsets = z.array(z.number().int().min(0).max(43_200)).max(5)

/** A user's reminder defaults: per activity type (by code) and for tasks, and the channels wanted. */
export const reminderSettingsSchema = z
  .object({
    channels: z.array(z.enum(REMINDER_CHANNELS)).max(2).default(['app']),
    activity: offsets
      .default([15])
      .meta({ description: 'Minutes before an activity, for types without their own' }),
    byType: z
      .record(z.string().max(32), offsets)
      .default({ meeting: [60], visit: [1440, 60] })
      .meta({ description: 'Per activity type code, e.g. { "meeting": [60] }' }),
    task: offsets.default([0]).meta({ description: 'Minutes before a task’s due time' }),
  })
  .meta({ id: 'ReminderSettings' })
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>

export const escalationSettingsSchema = z
  .object({
    enabled: z.boolean().default(true),
    afterMinutes: z
      .number()
      .int()
      .min(5)
      .max(43_200)
      .default(120)
      .meta({ description: 'How long an activity or task may be overdue before the team head is told' }),
  })
  .meta({ id: 'EscalationSettings' })
export type EscalationSettings = z.infer<typeof escalationSettingsSchema>

/** Real-time event: activities or tasks changed (`data: { kind, ids }`); pages refetch what they show. */
export const ACTIVITIES_CHANGED_EVENT = 'activities.changed'
