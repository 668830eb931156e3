import type { ApiError as ApiErrorBody } from '@mmcrm/server/api-types'

/** The server's closed set of error codes, plus `network` when no answer came at all. */
export type ApiErrorCode = ApiErrorBody['code'] | 'network'

/** A refused or failed API call. `message` and `fields` come worded in the user's language by the server. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  readonly fields: Record<string, string> | undefined

  constructor(status: number, code: ApiErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  query?: Query
  /** The version being changed: sent as `If-Match: "<version>"`. */
  version?: number
  signal?: AbortSignal
  /** A 401 here is an expected answer (the session check, signing in), not a session that ended. */
  quietUnauthorized?: boolean
}

const state: {
  csrfToken: string | null
  language: string
  onUnauthorized: (() => void) | null
} = { csrfToken: null, language: 'ru', onUnauthorized: null }

/** The CSRF token of the current session, sent back on every write. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token
}

/** The UI language, sent as Accept-Language so the server words its messages the same way. */
export function setApiLanguage(language: string): void {
  state.language = language
}

/** Called when any request finds the session gone (401). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  state.onUnauthorized = handler
}

export function queryString(query: Query | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}

/** Calls the API with the session cookie, CSRF token, language and optional If-Match; throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.language }
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`
  let body: string | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }

  let response: Response
  try {
    response = await fetch(`${path}${queryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'network', '')
  }

  if (response.status === 204) return undefined as T
  const text = await response.text()
  let data: unknown = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (response.ok) return data as T

  const error = isErrorBody(data)
    ? new ApiError(response.status, data.error.code, data.error.message, data.error.fields)
    : new ApiError(response.status, response.status >= 500 ? 'internal' : 'bad_request', '')
  if (response.status === 401 && !options.quietUnauthorized) state.onUnauthorized?.()
  throw error
}

/**
 * Sends a multipart form (a file upload) with the session, CSRF token and language, reporting progress
 * as a fraction 0…1; throws ApiError like `api` (a file too large is a 413 with the server's message).
 */
export function apiUpload<T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', state.language)
    if (state.csrfToken) xhr.setRequestHeader('X-CSRF-Token', state.csrfToken)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total)
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', ''))
    xhr.onload = () => {
      let data: unknown = null
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        data = null
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T)
        return
      }
      if (xhr.status === 401) state.onUnauthorized?.()
      reject(
        isErrorBody(data)
          ? new ApiError(xhr.status, data.error.code, data.error.message, data.error.fields)
          : new ApiError(xhr.status, xhr.status >= 500 ? 'internal' : 'bad_request', ''),
      )
    }
    xhr.send(form)
  })
}
