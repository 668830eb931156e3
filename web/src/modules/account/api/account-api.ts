import type {
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  LoginRequest,
  Me,
  Meta,
  MeUpdate,
  PasswordChange,
} from '@mmcrm/server/api-types'
import { ApiError, api } from '../../../ui/api.ts'

export const accountKeys = {
  meta: ['meta'] as const,
  me: ['me'] as const,
  tokens: ['me', 'tokens'] as const,
}

export function fetchMeta(): Promise<Meta> {
  return api<Meta>('/api/meta', { quietUnauthorized: true })
}

/** The signed-in employee, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('/api/me', { quietUnauthorized: true })
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

export function login(body: LoginRequest): Promise<Me> {
  return api<Me>('/api/auth/login', { method: 'POST', body, quietUnauthorized: true })
}

export function logout(): Promise<void> {
  return api<void>('/api/auth/logout', { method: 'POST', quietUnauthorized: true })
}

export function updateMe(version: number, patch: MeUpdate): Promise<Me> {
  return api<Me>('/api/me', { method: 'PATCH', body: patch, version })
}

export function changePassword(body: PasswordChange): Promise<void> {
  return api<void>('/api/me/password', { method: 'POST', body })
}

export async function fetchTokens(): Promise<ApiToken[]> {
  return (await api<{ items: ApiToken[] }>('/api/me/tokens')).items
}

export function createToken(body: ApiTokenCreate): Promise<ApiTokenCreated> {
  return api<ApiTokenCreated>('/api/me/tokens', { method: 'POST', body })
}

export function revokeToken(id: number): Promise<void> {
  return api<void>(`/api/me/tokens/${id}`, { method: 'DELETE' })
}
