import type { ChannelType, ClientChannel } from '@mmcrm/server/api-types'
import { api } from '../../../ui/api.ts'

/** An organization the contact person works for (server: `contactSchema.organizations`). */
export interface ContactOrganization {
  clientId: number
  name: string
  position: string
  department: string
  role: string
  isPrimary: boolean
}

/** A contact person as seen from one organization's card (server: `ClientContactPerson`). */
export interface ClientContactPerson {
  id: number
  lastName: string
  firstName: string
  middleName: string
  name: string
  birthday: string | null
  notes: string
  channels: ClientChannel[]
  personClient: { id: number; name: string } | null
  organizations: ContactOrganization[]
  hiddenOrganizations: number
  erasedAt: string | null
  version: number
  createdAt: string
  updatedAt: string
  position: string
  department: string
  role: string
  isPrimary: boolean
}

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

/** Query keys of contact persons; `contactKeys.all` refreshes every organization's list. */
export const contactKeys = {
  all: ['contacts'] as const,
  ofClient: (clientId: number) => ['contacts', 'client', clientId] as const,
}

export async function fetchClientContacts(clientId: number): Promise<ClientContactPerson[]> {
  return (await api<{ items: ClientContactPerson[] }>(`/api/clients/${clientId}/contacts`)).items
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
