/**
 * The API's request and response types, inferred from the route schemas, for the web client.
 * Types only: importing this file brings no server code into the browser bundle.
 */
import type { z } from 'zod'
import type {
  loginBody,
  meSchema,
  metaSchema,
  meUpdateBody,
  passwordChangeBody,
  tokenCreateBody,
  tokenCreatedSchema,
  tokenSchema,
} from './modules/account/account.schemas.ts'
import type { auditEntrySchema } from './modules/audit/audit.schemas.ts'
import type {
  customFieldCreateBody,
  customFieldOptionSchema,
  customFieldSchema,
  customFieldUpdateBody,
} from './modules/custom-fields/custom-fields.schemas.ts'
import type { CustomFilter } from './modules/custom-fields/custom-filters.ts'
import type {
  permissionListSchema,
  roleCreateBody,
  roleSchema,
  roleUpdateBody,
  teamCreateBody,
  teamSchema,
  teamUpdateBody,
  userCreateBody,
  userSchema,
  userUpdateBody,
} from './modules/staff/staff.schemas.ts'
import type { ErrorBody } from './platform/errors/error-body.ts'
import type { Permission } from './platform/permissions/catalogue.ts'

export type Me = z.infer<typeof meSchema>
export type MeUpdate = z.input<typeof meUpdateBody>
export type Meta = z.infer<typeof metaSchema>
export type LoginRequest = z.input<typeof loginBody>
export type PasswordChange = z.input<typeof passwordChangeBody>
export type ApiToken = z.infer<typeof tokenSchema>
export type ApiTokenCreate = z.input<typeof tokenCreateBody>
export type ApiTokenCreated = z.infer<typeof tokenCreatedSchema>

export type User = z.infer<typeof userSchema>
export type UserCreate = z.input<typeof userCreateBody>
export type UserUpdate = z.input<typeof userUpdateBody>
export type Team = z.infer<typeof teamSchema>
export type TeamCreate = z.input<typeof teamCreateBody>
export type TeamUpdate = z.input<typeof teamUpdateBody>
export type Role = z.infer<typeof roleSchema>
export type RoleCreate = z.input<typeof roleCreateBody>
export type RoleUpdate = z.input<typeof roleUpdateBody>
export type AuditEntry = z.infer<typeof auditEntrySchema>
/** Record types `GET /api/audit?entityType=` accepts. */
export type AuditedEntityType = typeof import('./modules/audit/audit.schemas.ts').AUDITED_ENTITY_TYPES[number]
export type CustomField = z.infer<typeof customFieldSchema>
export type CustomFieldOption = z.infer<typeof customFieldOptionSchema>
export type CustomFieldCreate = z.input<typeof customFieldCreateBody>
export type CustomFieldUpdate = z.input<typeof customFieldUpdateBody>
export type CustomFieldType = CustomField['type']
export type { CustomFilter }
export type PermissionInfo = z.infer<typeof permissionListSchema>[number]
export type ApiError = ErrorBody['error']
export type { Permission }

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

// ── clients ────────────────────────────────────────────────────────────────
export type {
  ClientDto as ClientCard,
  ClientListItem,
} from './modules/clients/clients.schemas.ts'
export type ClientCreate = z.input<typeof import('./modules/clients/clients.schemas.ts').clientCreateBody>
export type ClientUpdate = z.input<typeof import('./modules/clients/clients.schemas.ts').clientUpdateBody>
export type ClientSaved = z.infer<typeof import('./modules/clients/clients.schemas.ts').clientSavedSchema>
export type ClientDuplicate = z.infer<typeof import('./modules/clients/clients.schemas.ts').duplicateSchema>
export type ClientChannel = z.infer<typeof import('./modules/clients/clients.schemas.ts').channelSchema>
export type ClientBankAccount = z.infer<
  typeof import('./modules/clients/clients.schemas.ts').bankAccountSchema
>
type ClientSchemas = typeof import('./modules/clients/clients.schemas.ts')
/** Value lists as types: the web app keeps `satisfies Record<ClientSize, …>` maps so they stay exhaustive. */
export type ClientSize = ClientSchemas['CLIENT_SIZES'][number]
export type ChannelType = ClientSchemas['CHANNEL_TYPES'][number]
export type LegalForm = ClientSchemas['LEGAL_FORMS'][number]
export type ClientSortKey = ClientSchemas['CLIENT_SORT_KEYS'][number]

// ── contact persons ───────────────────────────────────────────────────────
type ContactSchemas = typeof import('./modules/clients/contacts.schemas.ts')
/** A contact person with the organizations they work for (visible ones) and their person-client, if any. */
export type ContactPerson = z.infer<ContactSchemas['contactSchema']>
/** A contact person as seen from one organization's card: the person plus this link. */
export type ClientContactPerson = z.infer<ContactSchemas['clientContactSchema']>
/** One result of `GET /api/contacts?q=`. */
export type ContactPersonFound = z.infer<ContactSchemas['contactSearchItemSchema']>
export type ContactCreate = z.input<ContactSchemas['contactCreateBody']>

// ── notes, files, notifications ───────────────────────────────────────────
export type Note = z.infer<typeof import('./modules/notes/notes.schemas.ts').noteSchema>
/** A created or edited note, with the mentioned employees who could not be notified. */
export type NoteSaved = z.infer<typeof import('./modules/notes/notes.schemas.ts').noteSavedSchema>
export type NotePage = z.infer<typeof import('./modules/notes/notes.schemas.ts').notePageSchema>
export type NoteCreate = z.input<typeof import('./modules/notes/notes.schemas.ts').noteCreateBody>
export type NoteUpdate = z.input<typeof import('./modules/notes/notes.schemas.ts').noteUpdateBody>
/** An uploaded file's metadata (named so as not to shadow the browser's `File`). */
export type FileRecord = z.infer<typeof import('./modules/files/files.schemas.ts').fileSchema>
/** An in-app notification (named so as not to shadow the browser's `Notification`). */
export type AppNotification = z.infer<
  typeof import('./modules/notifications/notifications.schemas.ts').notificationSchema
>
export type NotificationPage = z.infer<
  typeof import('./modules/notifications/notifications.schemas.ts').notificationPageSchema
>
export type NotificationsRead = z.input<
  typeof import('./modules/notifications/notifications.schemas.ts').markReadBody
>
/** Real-time events of `GET /api/events` about notifications: their names, and a new one's data. */
type NotificationSchemas = typeof import('./modules/notifications/notifications.schemas.ts')
export type NotificationEventType = NotificationSchemas['NOTIFICATION_EVENT']
export type NotificationsReadEventType = NotificationSchemas['NOTIFICATIONS_READ_EVENT']
export type NotificationEventData =
  import('./modules/notifications/notifications.schemas.ts').NotificationEventData

// ── bulk operations, consents ─────────────────────────────────────────────
type OperationSchemas = typeof import('./modules/operations/operations.schemas.ts')

/** A long operation on many records, run in batches in the background. */
export type { OperationDto } from './modules/operations/operations.schemas.ts'
export type OperationStatus = z.infer<OperationSchemas['operationSchema']>['status']
/** What a bulk command answers: done at once, or queued as an operation to follow. */
export type BulkResult = z.infer<OperationSchemas['operationStartedSchema']>
type ConsentSchemas = typeof import('./modules/clients/consents.schemas.ts')
/** A consent to personal data processing, given by a client or by a contact person at an organization. */
export type Consent = z.infer<ConsentSchemas['consentSchema']>
export type ConsentCreate = z.input<ConsentSchemas['consentCreateBody']>
/** How a consent was obtained: the server's closed list. */
export type ConsentMethod = ConsentSchemas['CONSENT_METHODS'][number]

// Classifiers (S1) and saved views.
type ClassifierSchemas = typeof import('./modules/classifiers/classifiers.schemas.ts')
export type Classifier = z.infer<ClassifierSchemas['classifierSchema']>
export type ClassifierNode = z.infer<ClassifierSchemas['nodeSchema']>
export type ClassifierCreate = z.input<ClassifierSchemas['classifierCreateBody']>
export type ClassifierUpdate = z.input<ClassifierSchemas['classifierUpdateBody']>
export type ClassifierNodeCreate = z.input<ClassifierSchemas['nodeCreateBody']>
export type ClassifierNodeUpdate = z.input<ClassifierSchemas['nodeUpdateBody']>
export type ClassifierRule = z.infer<ClassifierSchemas['ruleSchema']>
export type RuleVariable = z.infer<ClassifierSchemas['ruleVariableSchema']>
export type ClientClassification = z.infer<ClassifierSchemas['membershipSchema']>
export type ClassificationEvent = z.infer<ClassifierSchemas['historyEntrySchema']>
export type ClassifierMovements = z.infer<ClassifierSchemas['movementsSchema']>
export interface ClientFacets {
  total: number
  nodes: Array<{ nodeId: number; count: number; reach: number }>
}
type ViewSchemas = typeof import('./modules/views/views.schemas.ts')
export type SavedView = z.infer<ViewSchemas['viewSchema']>
export type SavedViewState = z.infer<ViewSchemas['viewState']>
export type SavedViewCreate = z.input<ViewSchemas['viewCreateBody']>
export type SavedViewUpdate = z.input<ViewSchemas['viewUpdateBody']>
type SearchSchemas = typeof import('./modules/search/search.schemas.ts')
export type SearchItem = z.infer<SearchSchemas['searchItemSchema']>
export type SearchResult = z.infer<SearchSchemas['searchResultSchema']>

// Exports of list views.
type ExportSchemas = typeof import('./modules/exports/exports.schemas.ts')
export type ClientExportRequest = z.input<
  typeof import('./modules/clients/clients.export.schemas.ts')['clientExportBody']
>
export type ExportQueued = z.infer<ExportSchemas['exportQueuedSchema']>

// Imports of clients (CSV/XLSX).
type ImportSchemas = typeof import('./modules/imports/imports.schemas.ts')
export type Import = z.infer<ImportSchemas['importSchema']>
export type ImportUpdate = z.input<ImportSchemas['importUpdateBody']>
export type ImportRows = z.infer<ImportSchemas['importRowsSchema']>
export type ImportRowsQuery = z.input<ImportSchemas['importRowsQuery']>
export type ImportQueued = z.infer<ImportSchemas['importQueuedSchema']>
export type ImportField = typeof import('./modules/imports/mapping.ts')['IMPORT_FIELDS'][number]

// Outgoing e-mail (Administration → E-mail).
type MailSettingsSchemas = typeof import('./modules/mail-settings/mail-settings.schemas.ts')
export type MailSettings = z.infer<MailSettingsSchemas['mailSettingsSchema']>
export type MailSettingsUpdate = z.input<MailSettingsSchemas['mailSettingsBody']>
export type MailTestResult = z.infer<MailSettingsSchemas['mailTestResultSchema']>
export type SmtpSecurity = MailSettings['security']

// ── activities, tasks, the organizer, reminders ([05]) ──
type ActivitySchemas = typeof import('./modules/activities/activities.schemas.ts')
export type ActivityType = z.infer<ActivitySchemas['activityTypeSchema']>
export type ActivityOutcome = z.infer<ActivitySchemas['outcomeSchema']>
export type ActivityTypeCreate = z.input<ActivitySchemas['activityTypeCreateBody']>
export type ActivityTypeUpdate = z.input<ActivitySchemas['activityTypeUpdateBody']>
export type Activity = z.infer<ActivitySchemas['activitySchema']>
export type ActivityCreate = z.input<ActivitySchemas['activityCreateBody']>
export type ActivityUpdate = z.input<ActivitySchemas['activityUpdateBody']>
export type ActivityComplete = z.input<ActivitySchemas['activityCompleteBody']>
export type ActivityCompleted = z.infer<ActivitySchemas['activityCompletedSchema']>
export type ActivityListParams = z.input<ActivitySchemas['activityListQuery']>
export type RecurrenceInput = z.input<ActivitySchemas['recurrenceInput']>
export type Recurrence = z.infer<ActivitySchemas['recurrenceSchema']>
export type Reminder = z.infer<ActivitySchemas['reminderSchema']>
export type Task = z.infer<ActivitySchemas['taskSchema']>
export type TaskCreate = z.input<ActivitySchemas['taskCreateBody']>
export type TaskUpdate = z.input<ActivitySchemas['taskUpdateBody']>
export type TaskListParams = z.input<ActivitySchemas['taskListQuery']>
export type TaskPage = z.infer<ActivitySchemas['taskPageSchema']>
export type MyDay = z.infer<ActivitySchemas['myDaySchema']>
export type TimelineEntry = z.infer<ActivitySchemas['timelineEntrySchema']>
export type Timeline = z.infer<ActivitySchemas['timelineSchema']>
export type ReminderSettings = z.infer<ActivitySchemas['reminderSettingsSchema']>
export type ActivitiesChangedEventType = ActivitySchemas['ACTIVITIES_CHANGED_EVENT']
export type EscalationSettings = z.infer<ActivitySchemas['escalationSettingsSchema']>
export interface CalendarPerson {
  id: number
  name: string
  teamId: number | null
  isMe: boolean
}
export interface CalendarFeedStatus {
  active: boolean
  createdAt: string | null
  lastUsedAt: string | null
}
/** Payload of a `reminder` notification. */
export interface ReminderNotificationPayload {
  reminderId: number
  targetType: 'activity' | 'task'
  targetId: number
  title: string
  typeName: { ru: string; en: string } | null
  clientName: string | null
  at: string
  offsetMin: number
  late: boolean
}
/** Payload of an `escalation` notification (sent to the team head). */
export interface EscalationNotificationPayload {
  targetType: 'activity' | 'task'
  targetId: number
  title: string
  typeName?: { ru: string; en: string }
  at: string
  clientName: string | null
  performer: string
  performerId?: number
}
