import { api } from '../../../ui/api.ts'

/*
 * Consents to personal data processing (server: `consentSchema` in clients.more.routes.ts). Not in
 * `@mmcrm/server/api-types` yet, so written out here to match.
 */

/** How a consent was obtained; the server's closed list (`CONSENT_METHODS`). */
export const CONSENT_METHODS = ['web_form', 'paper', 'email', 'phone', 'messenger', 'in_person'] as const
export type ConsentMethod = (typeof CONSENT_METHODS)[number]

export interface Consent {
  id: number
  /** The contact person who gave it, at an organization; null: the client itself. */
  contactId: number | null
  purpose: string
  textVersion: string
  method: string
  source: string
  givenAt: string
  withdrawnAt: string | null
  recordedBy: number | null
  createdAt: string
}

export interface ConsentCreate {
  purpose: string
  textVersion: string
  method: ConsentMethod
  source: string
  givenAt: string
  contactId: number | null
}

export function isConsentMethod(value: string): value is ConsentMethod {
  return (CONSENT_METHODS as readonly string[]).includes(value)
}

export async function fetchConsents(clientId: number): Promise<Consent[]> {
  return (await api<{ items: Consent[] }>(`/api/clients/${clientId}/consents`)).items
}

export function addConsent(clientId: number, body: ConsentCreate): Promise<Consent> {
  return api<Consent>(`/api/clients/${clientId}/consents`, { method: 'POST', body })
}

export function withdrawConsent(clientId: number, consentId: number): Promise<Consent> {
  return api<Consent>(`/api/clients/${clientId}/consents/${consentId}/withdraw`, {
    method: 'POST',
    body: {},
  })
}
