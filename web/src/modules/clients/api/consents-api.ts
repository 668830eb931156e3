import type { Consent, ConsentCreate, ConsentMethod } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export type { Consent, ConsentCreate, ConsentMethod } from '@mmcrm/server/api-types'

/** How a consent was obtained, in the order the form offers them; the server's closed list. */
export const CONSENT_METHODS = [
  'web_form',
  'paper',
  'email',
  'phone',
  'messenger',
  'in_person',
] as const satisfies readonly ConsentMethod[]

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
