import type { ColumnType, Generated } from 'kysely'

/**
 * Storage conventions (both dialects): ids are integers; timestamps are UTC ISO-8601 strings in code
 * (timestamptz in PostgreSQL, TEXT in SQLite); booleans are 0/1 integers; JSON is stored as text;
 * money is an integer number of minor units.
 */
export type Timestamp = string
export type Bool = 0 | 1
type Id = Generated<number>

export interface RoleTable {
  id: Id
  code: string
  name: string
  description: string
  is_system: Bool
  permissions: string
  visibility: 'own' | 'team' | 'all'
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface TeamTable {
  id: Id
  name: string
  description: string
  head_id: number | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface UserTable {
  id: Id
  email: string
  name: string
  position: string
  phone: string
  /** name and e-mail folded by `searchText()` (lower case, ё → е): SQLite's LIKE folds only ASCII. */
  search: string
  password_hash: string
  role_id: number
  team_id: number | null
  locale: 'ru' | 'en'
  theme: 'light' | 'dark' | 'system'
  time_zone: string
  is_active: Bool
  failed_logins: number
  locked_until: Timestamp | null
  last_login_at: Timestamp | null
  password_changed_at: Timestamp
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface SessionTable {
  id: string
  user_id: number
  csrf_token: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  ip: string
  user_agent: string
}

export interface ApiTokenTable {
  id: Id
  user_id: number
  name: string
  token_hash: string
  prefix: string
  created_at: Timestamp
  last_used_at: Timestamp | null
  expires_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface AuditLogTable {
  id: Id
  at: Timestamp
  actor_id: number | null
  action: string
  entity_type: string
  entity_id: number
  changes: string
  request_id: string | null
  source: string
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed'

export interface JobTable {
  id: Id
  type: string
  payload: string
  status: JobStatus
  run_at: Timestamp
  attempts: number
  max_attempts: number
  lease_until: Timestamp | null
  locked_by: string | null
  last_error: string | null
  dedupe_key: string | null
  created_at: Timestamp
  updated_at: Timestamp
  finished_at: Timestamp | null
}

export interface ClassifierTable {
  id: Id
  name_ru: string
  name_en: string
  description: string
  multiple: Bool
  required: Bool
  position: number
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ClassifierNodeTable {
  id: Id
  classifier_id: number
  parent_id: number | null
  name_ru: string
  name_en: string
  color: string
  position: number
  rank: number
  rule: string | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ClientClassificationTable {
  client_id: number
  node_id: number
  classifier_id: number
  by_rule: Bool
  assigned_by: number | null
  assigned_at: Timestamp
}

export interface ClassificationHistoryTable {
  id: Id
  client_id: number
  classifier_id: number
  node_id: number
  action: 'enter' | 'exit'
  at: Timestamp
  actor_id: number | null
  by_rule: Bool
  operation_id: number | null
}

export interface SavedViewTable {
  id: Id
  entity: string
  name: string
  scope: 'private' | 'team' | 'all'
  owner_id: number | null
  team_id: number | null
  state: string
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface SavedViewDefaultTable {
  user_id: number
  entity: string
  view_id: number
}

export interface ClientIndexChangeTable {
  id: Id
  client_id: number
  created_at: Generated<Timestamp>
}

export type OperationStatus = 'queued' | 'running' | 'done' | 'failed'

export interface OperationTable {
  id: Id
  type: string
  status: OperationStatus
  created_by: number | null
  payload: string
  cursor: string | null
  total: number
  done: number
  result: string
  error: string | null
  created_at: Timestamp
  updated_at: Timestamp
  finished_at: Timestamp | null
}

export interface SettingTable {
  key: string
  value: string
  updated_at: Timestamp
}

export type ClientKind = 'organization' | 'person'

export interface ClientTable {
  id: Id
  kind: ClientKind
  /** Display name: the short name of an organization, "Last First Middle" of a person. */
  name: string
  full_name: string
  legal_form: string
  inn: string | null
  kpp: string | null
  ogrn: string | null
  is_foreign: Bool
  last_name: string
  first_name: string
  middle_name: string
  birth_date: string | null
  legal_address: string
  postal_address: string
  website: string
  industry: string
  size: string
  source: string
  description: string
  /** Custom field values, JSON object keyed by the field's key. */
  custom: string
  completeness: number
  owner_id: number | null
  team_id: number | null
  search: string
  deleted_at: Timestamp | null
  deleted_by: number | null
  merged_into_id: number | null
  erased_at: Timestamp | null
  /** The earliest planned activity (past = overdue), kept by the activities service */
  next_activity_at: Timestamp | null
  /** The latest done activity */
  last_contact_at: Timestamp | null
  version: number
  created_by: number | null
  updated_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type ChannelType = 'phone' | 'email' | 'messenger'

export interface ContactChannelTable {
  id: Id
  client_id: number | null
  contact_id: number | null
  type: ChannelType
  value: string
  normalized: string
  digits: string
  label: string
  is_primary: Bool
  position: number
}

/**
 * Global search indexes (migration 0005). SQLite only — contentless FTS5 tables fed by triggers, `rowid` = the
 * record's id: `clients_fts(name)` and `contacts_fts(name)` (unicode61, word prefixes), `channels_fts(value)`
 * (trigram over phone digits and e-mails). PostgreSQL uses expression GIN indexes on the tables themselves.
 * Queried with raw SQL only, so they are not part of `Database`.
 */
export interface SearchFtsTable {
  rowid: number
  name?: string
  value?: string
}

export interface BankAccountTable {
  id: Id
  client_id: number
  bik: string
  bank_name: string
  account: string
  corr_account: string
  is_primary: Bool
  position: number
}

export interface ContactTable {
  id: Id
  last_name: string
  first_name: string
  middle_name: string
  name: string
  birthday: string | null
  notes: string
  person_client_id: number | null
  search: string
  erased_at: Timestamp | null
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ContactLinkTable {
  id: Id
  contact_id: number
  client_id: number
  position: string
  department: string
  role: string
  is_primary: Bool
  created_at: Timestamp
}

export type CustomFieldType =
  | 'text'
  | 'long_text'
  | 'number'
  | 'money'
  | 'date'
  | 'boolean'
  | 'select'
  | 'multiselect'
  | 'link'

export interface CustomFieldTable {
  id: Id
  entity: string
  applies_to: 'organization' | 'person' | 'all'
  key: string
  label_ru: string
  label_en: string
  type: CustomFieldType
  /** JSON array of { value, label_ru, label_en } for select types. */
  options: string
  is_required: Bool
  in_list: Bool
  position: number
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface NoteTable {
  id: Id
  subject_type: string
  subject_id: number
  author_id: number | null
  /** Sanitized HTML. */
  body: string
  /** Plain text of the body, for search and previews. */
  text: string
  /** JSON array of mentioned user ids. */
  mentions: string
  deleted_at: Timestamp | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface FileTable {
  id: Id
  subject_type: string
  subject_id: number
  note_id: number | null
  uploader_id: number | null
  name: string
  mime: string
  size: number
  sha256: string
  storage_key: string
  deleted_at: Timestamp | null
  created_at: Timestamp
}

export interface ConsentTable {
  id: Id
  client_id: number
  contact_id: number | null
  purpose: string
  text_version: string
  method: string
  source: string
  given_at: Timestamp
  withdrawn_at: Timestamp | null
  recorded_by: number | null
  created_at: Timestamp
}

export interface NotificationTable {
  id: Id
  user_id: number
  type: string
  subject_type: string | null
  subject_id: number | null
  actor_id: number | null
  payload: string
  dedupe_key: string | null
  created_at: Timestamp
  read_at: Timestamp | null
}

export type ImportStatus =
  | 'uploaded'
  | 'checking'
  | 'checked'
  | 'running'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'rolled_back'

/** An uploaded import file and its wizard state (migration 0006). JSON columns as text. */
export interface ImportTable {
  id: Id
  created_by: number | null
  status: ImportStatus
  file_name: string
  storage_key: string
  sha256: string
  size: number
  format: string
  headers: string
  header_signature: string
  row_count: number
  mapping: string
  settings: string
  report: string | null
  operation_id: number | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

/** The outcome of one row of an import: `phase` check (dry run) or run; `before` the values an update replaced. */
export interface ImportRowTable {
  import_id: number
  phase: 'check' | 'run'
  row: number
  action: 'create' | 'update' | 'skip' | 'error'
  client_id: number | null
  name: string
  errors: string
  before: string | null
}

export interface ImportRowKeyTable {
  import_id: number
  key: string
  row: number
}

/** Which client a row of a file (by content hash) became: the same file imported again creates nothing new. */
export interface ImportKeyTable {
  sha256: string
  row: number
  client_id: number
  import_id: number
}

/** A client's identifiers in other systems (imported "external id" columns). */
export interface ClientExternalIdTable {
  client_id: number
  external_id: string
}

export type ActivityStatus = 'planned' | 'done' | 'cancelled'
export type TaskStatus = 'open' | 'done' | 'cancelled'
export type TaskPriority = 'low' | 'normal' | 'high'

export interface ActivityTypeTable {
  id: Id
  code: string
  name_ru: string
  name_en: string
  color: string
  has_direction: Bool
  default_duration_min: number
  is_active: Bool
  is_system: Bool
  position: number
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ActivityOutcomeTable {
  id: Id
  type_id: number
  name_ru: string
  name_en: string
  /** positive | neutral | negative: plans and quality count by it later */
  result: string
  is_active: Bool
  position: number
}

export interface RecurrenceTable {
  id: Id
  kind: 'activity' | 'task'
  rrule: string
  starts_at: Timestamp
  time_zone: string
  /** JSON: the fields every occurrence gets */
  template: string
  generated_until: Timestamp
  is_active: Bool
  created_by: number | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ActivityTable {
  id: Id
  type_id: number
  status: ActivityStatus
  direction: 'in' | 'out' | null
  title: string
  description: string
  location: string
  subject_type: string
  subject_id: number
  client_id: number | null
  contact_id: number | null
  starts_at: Timestamp
  duration_min: number
  ends_at: Timestamp
  owner_id: number | null
  team_id: number | null
  outcome_id: number | null
  result: string
  done_at: Timestamp | null
  series_id: number | null
  occurrence_key: string | null
  is_exception: Bool
  escalated_at: Timestamp | null
  created_by: number | null
  updated_by: number | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface TaskTable {
  id: Id
  title: string
  description: string
  status: TaskStatus
  priority: TaskPriority
  due_at: Timestamp | null
  assignee_id: number | null
  team_id: number | null
  subject_type: string | null
  subject_id: number | null
  client_id: number | null
  /** JSON: [{ text, done }] */
  checklist: string
  done_at: Timestamp | null
  series_id: number | null
  occurrence_key: string | null
  is_exception: Bool
  escalated_at: Timestamp | null
  created_by: number | null
  updated_by: number | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

export type ReminderStatus = 'pending' | 'sent' | 'dismissed' | 'cancelled'

export interface ReminderTable {
  id: Id
  target_type: 'activity' | 'task'
  target_id: number
  user_id: number
  offset_min: number
  fire_at: Timestamp
  /** JSON: ['app', 'email'] */
  channels: string
  status: ReminderStatus
  fire_count: number
  fired_at: Timestamp | null
  late: Bool
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ReminderSettingsTable {
  user_id: number
  settings: string
  updated_at: Timestamp
}

export interface CalendarFeedTable {
  id: Id
  user_id: number
  token_hash: string
  created_at: Timestamp
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface Database {
  roles: RoleTable
  teams: TeamTable
  users: UserTable
  sessions: SessionTable
  api_tokens: ApiTokenTable
  audit_log: AuditLogTable
  jobs: JobTable
  settings: SettingTable
  clients: ClientTable
  contact_channels: ContactChannelTable
  bank_accounts: BankAccountTable
  contacts: ContactTable
  contact_links: ContactLinkTable
  custom_fields: CustomFieldTable
  notes: NoteTable
  files: FileTable
  consents: ConsentTable
  notifications: NotificationTable
  operations: OperationTable
  classifiers: ClassifierTable
  classifier_nodes: ClassifierNodeTable
  client_classifications: ClientClassificationTable
  classification_history: ClassificationHistoryTable
  saved_views: SavedViewTable
  saved_view_defaults: SavedViewDefaultTable
  client_index_changes: ClientIndexChangeTable
  imports: ImportTable
  import_rows: ImportRowTable
  import_row_keys: ImportRowKeyTable
  import_keys: ImportKeyTable
  client_external_ids: ClientExternalIdTable
  activity_types: ActivityTypeTable
  activity_outcomes: ActivityOutcomeTable
  recurrences: RecurrenceTable
  activities: ActivityTable
  tasks: TaskTable
  reminders: ReminderTable
  reminder_settings: ReminderSettingsTable
  calendar_feeds: CalendarFeedTable
}

export type Insertable<T> = {
  [K in keyof T]: T[K] extends ColumnType<infer _S, infer I, infer _U> ? I : T[K]
}
