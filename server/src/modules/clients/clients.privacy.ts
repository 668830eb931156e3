import { type AuditSource, recordAudit } from '../../platform/audit/audit.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { canSee } from '../../platform/permissions/authorize.ts'
import { clientCard, loadClientFor } from './clients.service.ts'
import { findContact } from './contacts.repository.ts'

export interface ConsentInput {
  purpose: string
  textVersion: string
  method: string
  source: string
  givenAt: string
  contactId: number | null
}

function consentDto(c: {
  id: number
  contact_id: number | null
  purpose: string
  text_version: string
  method: string
  source: string
  given_at: string
  withdrawn_at: string | null
  recorded_by: number | null
  created_at: string
}) {
  return {
    id: c.id,
    contactId: c.contact_id,
    purpose: c.purpose,
    textVersion: c.text_version,
    method: c.method,
    source: c.source,
    givenAt: c.given_at,
    withdrawnAt: c.withdrawn_at,
    recordedBy: c.recorded_by,
    createdAt: c.created_at,
  }
}

export async function findConsents(db: Db | Tx, actor: Actor, clientId: number) {
  await loadClientFor(db, actor, clientId, 'clients.read')
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('given_at', 'desc')
    .execute()
  return rows.map(consentDto)
}

export async function addConsent(db: Db, source: AuditSource, clientId: number, input: ConsentInput) {
  return inTransaction(db, async ({ tx }) => {
    await loadClientFor(tx, source.actor, clientId, 'clients.update')
    if (input.contactId !== null) {
      const link = await tx
        .selectFrom('contact_links')
        .select('id')
        .where('client_id', '=', clientId)
        .where('contact_id', '=', input.contactId)
        .executeTakeFirst()
      const own = await tx
        .selectFrom('contacts')
        .select('id')
        .where('id', '=', input.contactId)
        .where('person_client_id', '=', clientId)
        .executeTakeFirst()
      if (!link && !own) throw AppError.field('contactId', 'consents.contact_not_linked')
    }
    const row = await tx
      .insertInto('consents')
      .values({
        client_id: clientId,
        contact_id: input.contactId,
        purpose: input.purpose,
        text_version: input.textVersion,
        method: input.method,
        source: input.source,
        given_at: new Date(input.givenAt).toISOString(),
        recorded_by: source.actor.userId,
        created_at: new Date().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, source, {
      action: 'consent_given',
      entityType: 'client',
      entityId: clientId,
      changes: { consent: { to: `${input.purpose} (${input.method}, ${input.textVersion || '—'})` } },
    })
    return consentDto(row)
  })
}

export async function withdrawConsent(
  db: Db,
  source: AuditSource,
  clientId: number,
  consentId: number,
  at: string | undefined,
) {
  return inTransaction(db, async ({ tx }) => {
    await loadClientFor(tx, source.actor, clientId, 'clients.update')
    const row = await tx
      .selectFrom('consents')
      .selectAll()
      .where('id', '=', consentId)
      .where('client_id', '=', clientId)
      .executeTakeFirst()
    if (!row) throw AppError.notFound()
    if (row.withdrawn_at) throw new AppError('conflict', { key: 'consents.already_withdrawn' })
    const withdrawnAt = at ? new Date(at).toISOString() : new Date().toISOString()
    await tx.updateTable('consents').set({ withdrawn_at: withdrawnAt }).where('id', '=', consentId).execute()
    await recordAudit(tx, source, {
      action: 'consent_withdrawn',
      entityType: 'client',
      entityId: clientId,
      changes: { consent: { from: row.purpose } },
    })
    return consentDto({ ...row, withdrawn_at: withdrawnAt })
  })
}

/** Everything the CRM holds about a client (152-ФЗ subject access request), as one JSON document. The export is audited. */
export async function exportPersonalData(db: Db, source: AuditSource, clientId: number) {
  const actor = source.actor
  return inTransaction(db, async ({ tx }) => {
    await loadClientFor(tx, actor, clientId, 'clients.personal_data')
    const client = await clientCard(tx, clientId)
    const contactIds = [
      ...(
        await tx.selectFrom('contact_links').select('contact_id').where('client_id', '=', clientId).execute()
      ).map((r) => r.contact_id),
      ...(
        await tx.selectFrom('contacts').select('id').where('person_client_id', '=', clientId).execute()
      ).map((r) => r.id),
    ]
    const contacts = []
    for (const id of [...new Set(contactIds)])
      contacts.push(await findContact(tx, id, (o) => canSee(actor, o)))
    const notes = await tx
      .selectFrom('notes')
      .select(['id', 'text', 'created_at', 'author_id'])
      .where('subject_type', '=', 'client')
      .where('subject_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .execute()
    const files = await tx
      .selectFrom('files')
      .select(['id', 'name', 'size', 'mime', 'created_at'])
      .where('subject_type', '=', 'client')
      .where('subject_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .execute()
    const consents = (
      await tx.selectFrom('consents').selectAll().where('client_id', '=', clientId).execute()
    ).map(consentDto)
    const history = await tx
      .selectFrom('audit_log')
      .select(['at', 'action', 'changes', 'actor_id'])
      .where('entity_type', '=', 'client')
      .where('entity_id', '=', clientId)
      .orderBy('id')
      .execute()
    await recordAudit(tx, source, {
      action: 'export_personal_data',
      entityType: 'client',
      entityId: clientId,
      changes: {},
    })
    return {
      exportedAt: new Date().toISOString(),
      client,
      contactPersons: contacts.filter(Boolean),
      notes: notes.map((n) => ({ id: n.id, text: n.text, createdAt: n.created_at, authorId: n.author_id })),
      files: files.map((f) => ({
        id: f.id,
        name: f.name,
        size: f.size,
        mime: f.mime,
        createdAt: f.created_at,
      })),
      consents,
      history: history.map((h) => ({
        at: h.at,
        action: h.action,
        actorId: h.actor_id,
        changes: JSON.parse(h.changes) as unknown,
      })),
    }
  })
}

const REDACTED = '••••'

/** Replaces the values in a record's audit entries, keeping who changed which field and when. */
async function redactHistory(tx: Tx, entityType: string, entityId: number): Promise<void> {
  const rows = await tx
    .selectFrom('audit_log')
    .select(['id', 'changes'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute()
  for (const r of rows) {
    const changes = JSON.parse(r.changes) as Record<string, { from?: unknown; to?: unknown }>
    const redacted = Object.fromEntries(
      Object.entries(changes).map(([k, v]) => [
        k,
        { ...('from' in v ? { from: REDACTED } : {}), ...('to' in v ? { to: REDACTED } : {}) },
      ]),
    )
    await tx
      .updateTable('audit_log')
      .set({ changes: JSON.stringify(redacted) })
      .where('id', '=', r.id)
      .execute()
  }
}

async function eraseContact(tx: Tx, contactId: number): Promise<void> {
  await tx.deleteFrom('contact_channels').where('contact_id', '=', contactId).execute()
  await tx
    .updateTable('contacts')
    .set({
      last_name: '',
      first_name: '',
      middle_name: '',
      name: `#${contactId}`,
      birthday: null,
      notes: '',
      search: '',
      erased_at: new Date().toISOString(),
    })
    .where('id', '=', contactId)
    .execute()
  await redactHistory(tx, 'contact', contactId)
}

/**
 * Erases a person's personal data (152-ФЗ): a person client's names, birth date, ИНН, addresses, phones,
 * e-mails, custom values and notes; the contact persons that are this person; the values in their
 * history. The records themselves (and documents later) stay, so accounting is kept. The act is audited.
 */
export async function erasePerson(db: Db, source: AuditSource, clientId: number, reason: string) {
  return inTransaction(db, async ({ tx }) => {
    const row = await loadClientFor(tx, source.actor, clientId, 'clients.personal_data')
    if (row.kind !== 'person') throw new AppError('conflict', { key: 'privacy.only_persons' })
    if (row.erased_at) throw new AppError('conflict', { key: 'privacy.already_erased' })
    await tx.deleteFrom('contact_channels').where('client_id', '=', clientId).execute()
    await tx
      .updateTable('clients')
      .set({
        name: `#${clientId}`,
        last_name: '',
        first_name: '',
        middle_name: '',
        birth_date: null,
        inn: null,
        legal_address: '',
        postal_address: '',
        description: '',
        custom: '{}',
        search: '',
        erased_at: new Date().toISOString(),
        version: row.version + 1,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', clientId)
      .execute()
    await tx
      .updateTable('notes')
      .set({ body: '<p>—</p>', text: '—', mentions: '[]' })
      .where('subject_type', '=', 'client')
      .where('subject_id', '=', clientId)
      .execute()
    for (const c of await tx
      .selectFrom('contacts')
      .select('id')
      .where('person_client_id', '=', clientId)
      .execute())
      await eraseContact(tx, c.id)
    await redactHistory(tx, 'client', clientId)
    await recordAudit(tx, source, {
      action: 'erase_personal_data',
      entityType: 'client',
      entityId: clientId,
      changes: { reason: { to: reason } },
    })
    return clientCard(tx, clientId)
  })
}

/** Erases a contact person's personal data; their links to organizations stay (positions are not personal data). */
export async function eraseContactPerson(
  db: Db,
  source: AuditSource,
  contactId: number,
  reason: string,
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const links = await tx
      .selectFrom('contact_links as l')
      .innerJoin('clients as c', 'c.id', 'l.client_id')
      .select(['c.id', 'c.owner_id', 'c.team_id'])
      .where('l.contact_id', '=', contactId)
      .execute()
    const visible = links.find((l) => canSee(source.actor, { ownerId: l.owner_id, teamId: l.team_id }))
    if (!visible) throw AppError.notFound()
    await loadClientFor(tx, source.actor, visible.id, 'clients.personal_data')
    await eraseContact(tx, contactId)
    await recordAudit(tx, source, {
      action: 'erase_personal_data',
      entityType: 'contact',
      entityId: contactId,
      changes: { reason: { to: reason } },
    })
  })
}
