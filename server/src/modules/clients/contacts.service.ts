import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { searchText } from '../../platform/db/text.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { authorize, canSee } from '../../platform/permissions/authorize.ts'
import * as clients from './clients.repository.ts'
import { loadClientFor } from './clients.service.ts'
import { normalizeChannels, type Problems, personName } from './clients.validation.ts'
import * as repo from './contacts.repository.ts'
import type {
  ContactCreateInput,
  ContactDto,
  ContactSearchItem,
  ContactSearchQuery,
  ContactUpdateInput,
} from './contacts.schemas.ts'
import { normalizePhone, phoneDigits } from './contacts-normalize.ts'

type Executor = Db | Tx

const visibleFor = (actor: Actor) => (o: { ownerId: number | null; teamId: number | null }) =>
  canSee(actor, o)

async function organizationFor(
  db: Executor,
  actor: Actor,
  clientId: number,
  permission: 'clients.read' | 'clients.update',
) {
  const row = await loadClientFor(db, actor, clientId, permission)
  if (row.deleted_at) throw new AppError('conflict', { key: 'clients.in_trash' })
  if (row.kind !== 'organization') throw new AppError('conflict', { key: 'contacts.only_organizations' })
  return row
}

function contactAuditView(c: ContactDto): Record<string, unknown> {
  return {
    name: c.name,
    birthday: c.birthday,
    notes: c.notes,
    channels: c.channels.map((ch) => `${ch.type}: ${ch.value}`),
    personClient: c.personClient?.name ?? null,
  }
}

export async function listClientContacts(db: Db, actor: Actor, clientId: number) {
  await loadClientFor(db, actor, clientId, 'clients.read')
  const out = []
  for (const id of await repo.contactIdsOf(db, clientId)) {
    const contact = await repo.findContact(db, id, visibleFor(actor))
    const link = await repo.findLink(db, clientId, id)
    if (contact && link) {
      out.push({
        ...contact,
        position: link.position,
        department: link.department,
        role: link.role,
        isPrimary: link.is_primary === 1,
      })
    }
  }
  return out
}

export async function getContact(db: Executor, actor: Actor, id: number): Promise<ContactDto> {
  const contact = await repo.findContact(db, id, visibleFor(actor))
  if (!contact || (contact.organizations.length === 0 && contact.personClient === null))
    throw AppError.notFound()
  authorize(actor, 'clients.read')
  return contact
}

/**
 * What a search string may be: words of a name (any case, ё = е, any order), a phone number or part of
 * one in any format (`8 (916) 765-43-21` finds `+7 916 765-43-21`), or part of an e-mail address.
 */
export function contactSearchTerms(q: string | undefined): repo.ContactSearchTerms | null {
  const text = q?.trim() ?? ''
  if (!text) return null
  const digits = new Set<string>()
  const typed = text.replace(/\D/g, '')
  if (typed.length >= 4) {
    digits.add(typed)
    const phone = normalizePhone(text)
    if (phone.ok) digits.add(phoneDigits(phone.e164))
    // A Russian number typed with the trunk prefix 8 is stored from its country code 7.
    else if (typed.length >= 5 && typed.startsWith('8')) digits.add(`7${typed.slice(1)}`)
  }
  return {
    nameTokens: searchText(text).split(' ').filter(Boolean).slice(0, 5),
    phoneDigits: [...digits],
    email: /^[\w.@+-]{3,}$/.test(text) ? text.toLowerCase() : null,
  }
}

/** Contact persons the actor may see, found by name, phone or e-mail: for linking one to another organization. */
export async function findContacts(
  db: Db,
  actor: Actor,
  query: ContactSearchQuery,
): Promise<ContactSearchItem[]> {
  authorize(actor, 'clients.read')
  return repo.searchContacts(db, actor, contactSearchTerms(query.q), query.limit)
}

async function validatePerson(
  db: Executor,
  actor: Actor,
  input: {
    lastName: string
    firstName: string
    middleName: string
    channels: ContactCreateInput['channels']
    personClientId: number | null
  },
) {
  const problems: Problems = {}
  if (!input.lastName.trim() && !input.firstName.trim()) problems.lastName = { key: 'contacts.name_required' }
  const channels = normalizeChannels(input.channels ?? [], problems)
  if (input.personClientId !== null) {
    const p = await clients.findClientRow(db, input.personClientId)
    if (p?.kind !== 'person' || p.deleted_at || !canSee(actor, { ownerId: p.owner_id, teamId: p.team_id })) {
      problems.personClientId = { key: 'contacts.person_client_not_found' }
    }
  }
  if (Object.keys(problems).length) throw new AppError('validation', { fields: problems })
  return channels
}

export async function addContact(db: Db, source: AuditSource, clientId: number, input: ContactCreateInput) {
  return inTransaction(db, ({ tx }) => addContactIn(tx, source, clientId, input))
}

/** Adds (or links) a contact person to an organization in the caller's transaction. */
export async function addContactIn(tx: Tx, source: AuditSource, clientId: number, input: ContactCreateInput) {
  const actor = source.actor
  const org = await organizationFor(tx, actor, clientId, 'clients.update')
  let contactId = input.contactId
  if (contactId !== undefined) {
    await getContact(tx, actor, contactId)
    if (await repo.findLink(tx, clientId, contactId))
      throw new AppError('conflict', { key: 'contacts.already_linked' })
  } else {
    const person = {
      lastName: input.lastName ?? '',
      firstName: input.firstName ?? '',
      middleName: input.middleName ?? '',
      channels: input.channels ?? [],
      personClientId: input.personClientId ?? null,
    }
    const channels = await validatePerson(tx, actor, person)
    contactId = await repo.insertContact(
      tx,
      {
        last_name: person.lastName,
        first_name: person.firstName,
        middle_name: person.middleName,
        name: personName(person.lastName, person.firstName, person.middleName),
        birthday: input.birthday ?? null,
        notes: input.notes ?? '',
        person_client_id: person.personClientId,
      },
      actor.userId,
    )
    await clients.replaceChannels(tx, { contactId }, channels)
    const created = await repo.findContact(tx, contactId, () => true)
    await recordAudit(tx, source, {
      action: 'create',
      entityType: 'contact',
      entityId: contactId,
      after: contactAuditView(created!),
    })
  }
  const isFirst = (await repo.contactIdsOf(tx, clientId)).length === 0
  await repo.insertLink(tx, {
    contactId,
    clientId,
    position: input.position ?? '',
    department: input.department ?? '',
    role: input.role ?? '',
    isPrimary: input.isPrimary ?? isFirst,
  })
  const contact = await repo.findContact(tx, contactId, visibleFor(actor))
  await recordAudit(tx, source, {
    action: 'contact_added',
    entityType: 'client',
    entityId: org.id,
    changes: { contactPersons: { to: `${contact!.name}${input.position ? `, ${input.position}` : ''}` } },
  })
  return (await listClientContacts(tx, actor, clientId)).find((c) => c.id === contactId)!
}

/** A contact person may be changed by whoever may change one of the organizations they work for. */
async function assertMayEdit(db: Executor, actor: Actor, id: number): Promise<ContactDto> {
  const contact = await getContact(db, actor, id)
  const orgIds = contact.organizations
    .map((o) => o.clientId)
    .concat(contact.personClient ? [contact.personClient.id] : [])
  for (const orgId of orgIds) {
    const row = await clients.findClientRow(db, orgId)
    if (row && canSee(actor, { ownerId: row.owner_id, teamId: row.team_id })) {
      authorize(actor, 'clients.update', { ownerId: row.owner_id, teamId: row.team_id })
      return contact
    }
  }
  throw AppError.notFound()
}

export async function updateContact(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
  patch: ContactUpdateInput,
): Promise<ContactDto> {
  const actor = source.actor
  return inTransaction(db, async ({ tx }) => {
    const before = await assertMayEdit(tx, actor, id)
    if (before.version !== version) throw new AppError('precondition_failed')
    const row = (await repo.findContactRow(tx, id))!
    const next = {
      lastName: patch.lastName ?? before.lastName,
      firstName: patch.firstName ?? before.firstName,
      middleName: patch.middleName ?? before.middleName,
      channels:
        patch.channels ??
        before.channels.map((c) => ({
          type: c.type,
          value: c.value,
          label: c.label,
          isPrimary: c.isPrimary,
        })),
      personClientId: patch.personClientId !== undefined ? patch.personClientId : row.person_client_id,
    }
    const channels = await validatePerson(tx, actor, next)
    const ok = await repo.updateContactRow(tx, id, version, {
      last_name: next.lastName,
      first_name: next.firstName,
      middle_name: next.middleName,
      name: personName(next.lastName, next.firstName, next.middleName),
      birthday: patch.birthday !== undefined ? patch.birthday : before.birthday,
      notes: patch.notes ?? before.notes,
      person_client_id: next.personClientId,
    })
    if (!ok) throw new AppError('precondition_failed')
    await clients.replaceChannels(tx, { contactId: id }, channels)
    const after = (await repo.findContact(tx, id, visibleFor(actor)))!
    await recordAudit(tx, source, {
      action: 'update',
      entityType: 'contact',
      entityId: id,
      before: contactAuditView(before),
      after: contactAuditView(after),
    })
    return after
  })
}

export async function updateContactLink(
  db: Db,
  source: AuditSource,
  clientId: number,
  contactId: number,
  patch: Partial<{ position: string; department: string; role: string; isPrimary: boolean }>,
) {
  const actor = source.actor
  return inTransaction(db, async ({ tx }) => {
    await organizationFor(tx, actor, clientId, 'clients.update')
    const link = await repo.findLink(tx, clientId, contactId)
    if (!link) throw AppError.notFound()
    await repo.updateLink(tx, clientId, contactId, patch)
    const changes: Record<string, { from?: unknown; to?: unknown }> = {}
    for (const k of ['position', 'department', 'role'] as const) {
      if (patch[k] !== undefined && patch[k] !== link[k])
        changes[`contactPersons.${contactId}.${k}`] = { from: link[k], to: patch[k] }
    }
    if (patch.isPrimary !== undefined && patch.isPrimary !== (link.is_primary === 1)) {
      changes[`contactPersons.${contactId}.isPrimary`] = { from: link.is_primary === 1, to: patch.isPrimary }
    }
    if (Object.keys(changes).length)
      await recordAudit(tx, source, { action: 'update', entityType: 'client', entityId: clientId, changes })
    return (await listClientContacts(tx, actor, clientId)).find((c) => c.id === contactId)!
  })
}

export async function removeContact(
  db: Db,
  source: AuditSource,
  clientId: number,
  contactId: number,
): Promise<void> {
  const actor = source.actor
  await inTransaction(db, async ({ tx }) => {
    await organizationFor(tx, actor, clientId, 'clients.update')
    const link = await repo.findLink(tx, clientId, contactId)
    if (!link) throw AppError.notFound()
    const contact = (await repo.findContactRow(tx, contactId))!
    await repo.deleteLink(tx, clientId, contactId)
    const deleted = await repo.deleteContactIfOrphan(tx, contactId)
    await recordAudit(tx, source, {
      action: 'contact_removed',
      entityType: 'client',
      entityId: clientId,
      changes: { contactPersons: { from: `${contact.name}${link.position ? `, ${link.position}` : ''}` } },
    })
    if (deleted)
      await recordAudit(tx, source, {
        action: 'delete',
        entityType: 'contact',
        entityId: contactId,
        changes: { name: { from: contact.name } },
      })
  })
}
