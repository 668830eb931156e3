import type {
  AuditEntry,
  ChannelType,
  ClientContactPerson,
  ContactPerson,
  ContactPersonFound,
} from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

export type { ClientContactPerson, ContactPerson, ContactPersonFound }

/** An organization the contact person works for, with their post there. */
export type ContactOrganization = ContactPerson['organizations'][number]

export interface ContactChannelInput {
  type: ChannelType
  value: string
  label: string
  isPrimary: boolean
}

/** The person's own fields (server: `contactPersonFields`). */
export interface ContactPersonInput {
  lastName: string
  firstName: string
  middleName: string
  birthday: string | null
  notes: string
  channels: ContactChannelInput[]
}

/** The link to this organization (server: `linkFields`). */
export interface ContactLinkInput {
  position: string
  department: string
  role: string
  isPrimary: boolean
}

export type ContactCreateInput = Partial<ContactPersonInput & ContactLinkInput> & { contactId?: number }

export interface ContactHistoryPage {
  items: AuditEntry[]
  nextBefore: number | null
}

/** Query keys of contact persons; `contactKeys.all` refreshes every organization's list and every card. */
export const contactKeys = {
  all: ['contacts'] as const,
  ofClient: (clientId: number) => ['contacts', 'client', clientId] as const,
  one: (id: number) => ['contacts', 'one', id] as const,
  history: (id: number) => ['contacts', 'history', id] as const,
  search: (q: string) => ['contacts', 'search', q] as const,
}

export async function fetchClientContacts(clientId: number): Promise<ClientContactPerson[]> {
  return (await api<{ items: ClientContactPerson[] }>(`/api/clients/${clientId}/contacts`)).items
}

export function fetchContact(id: number): Promise<ContactPerson> {
  return api<ContactPerson>(`/api/contacts/${id}`)
}

export function fetchContactHistory(id: number, before?: number): Promise<ContactHistoryPage> {
  return api<ContactHistoryPage>(`/api/contacts/${id}/history`, { query: { before } })
}

/** Contact persons the employee can see, by name, phone or e-mail. */
export async function findContacts(q: string, signal?: AbortSignal): Promise<ContactPersonFound[]> {
  return (await api<{ items: ContactPersonFound[] }>('/api/contacts', { query: { q, limit: 20 }, signal }))
    .items
}

export function addContact(clientId: number, body: ContactCreateInput): Promise<ClientContactPerson> {
  return api<ClientContactPerson>(`/api/clients/${clientId}/contacts`, { method: 'POST', body })
}

export function updateContact(
  id: number,
  version: number,
  patch: Partial<ContactPersonInput>,
): Promise<unknown> {
  return api<unknown>(`/api/contacts/${id}`, { method: 'PATCH', body: patch, version })
}

export function updateContactLink(
  clientId: number,
  contactId: number,
  patch: Partial<ContactLinkInput>,
): Promise<ClientContactPerson> {
  return api<ClientContactPerson>(`/api/clients/${clientId}/contacts/${contactId}`, {
    method: 'PATCH',
    body: patch,
  })
}

export function removeContact(clientId: number, contactId: number): Promise<void> {
  return api<void>(`/api/clients/${clientId}/contacts/${contactId}`, { method: 'DELETE' })
}
