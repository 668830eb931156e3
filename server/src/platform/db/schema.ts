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

export interface SettingTable {
  key: string
  value: string
  updated_at: Timestamp
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
}

export type Insertable<T> = {
  [K in keyof T]: T[K] extends ColumnType<infer _S, infer I, infer _U> ? I : T[K]
}
