import type { MessageParams } from '../i18n/messages.ts'

export const ERROR_STATUS = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** A field's problem: a message key from the server catalogue, or an already localized text. */
export type FieldProblem = { key: string; params?: MessageParams } | { text: string }

export interface AppErrorOptions {
  /** Message key; defaults to `errors.<code>`. */
  key?: string
  params?: MessageParams
  fields?: Record<string, FieldProblem>
  cause?: unknown
}

/** The one error type the API returns. Its code maps to the HTTP status; its message is localized late. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly key: string
  readonly params?: MessageParams
  readonly fields?: Record<string, FieldProblem>

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.key ?? `errors.${code}`, { cause: options.cause })
    this.code = code
    this.key = options.key ?? `errors.${code}`
    this.params = options.params
    this.fields = options.fields
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }

  static notFound(): AppError {
    return new AppError('not_found')
  }

  static forbidden(): AppError {
    return new AppError('forbidden')
  }

  /** A validation error on one field, with a message key. */
  static field(field: string, key: string, params?: MessageParams, code: ErrorCode = 'validation'): AppError {
    return new AppError(code, {
      fields: { [field]: { key, params } },
      key: code === 'validation' ? undefined : key,
    })
  }
}

/** Recognizes unique-constraint violations of both drivers, so repositories can turn them into domain errors. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { code?: string }
  return (
    e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}

export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { code?: string }
  return e.code === '23503' || e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}
