import { type AuditSource, recordAudit, recordAudits } from '../../platform/audit/audit.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { searchText } from '../../platform/db/text.ts'
import { inTransaction, type UnitOfWork } from '../../platform/db/transaction.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Actor } from '../../platform/permissions/actor.ts'
import { authorize, canSee } from '../../platform/permissions/authorize.ts'
import type { Permission } from '../../platform/permissions/catalogue.ts'
import { getSetting } from '../../platform/settings.ts'
import { reclassify } from '../classifiers/index.ts'
import { findCustomFields, validateCustomValues, visibleCustomValues } from '../custom-fields/index.ts'
import './clients.messages.ts'
import type { z } from 'zod'
import { completeness, DEFAULT_IMPORTANT_FIELDS } from './clients.completeness.ts'
import * as repo from './clients.repository.ts'
import type { ClientCreateInput, ClientDto, ClientUpdateInput, duplicateSchema } from './clients.schemas.ts'
import {
  checkBankAccounts,
  checkRequisites,
  checkWebsite,
  normalizeChannels,
  type Problems,
  personName,
} from './clients.validation.ts'
import { normalizeEmail, normalizePhone } from './contacts-normalize.ts'

type Duplicate = z.infer<typeof duplicateSchema>
type Executor = Db | Tx

export const COMPLETENESS_SETTING = 'clients.completeness'

export async function importantFields(db: Executor): Promise<Record<ClientDto['kind'], string[]>> {
  return getSetting(db, COMPLETENESS_SETTING, DEFAULT_IMPORTANT_FIELDS)
}

function owned(row: repo.ClientRow) {
  return { ownerId: row.owner_id, teamId: row.team_id }
}

/** Loads a client the actor may act on with `permission`: 404 when missing or invisible, 403 without the permission. */
export async function loadClientFor(
  db: Executor,
  actor: Actor,
  id: number,
  permission: Permission,
): Promise<repo.ClientRow> {
  const row = await repo.findClientRow(db, id)
  if (!row) throw AppError.notFound()
  authorize(actor, permission, owned(row))
  return row
}

export async function clientCard(db: Executor, id: number): Promise<ClientDto> {
  const stored = await repo.findClient(db, id)
  if (!stored) throw AppError.notFound()
  // Values of deleted custom fields stay stored but are not shown.
  const client = {
    ...stored,
    custom: visibleCustomValues(await findCustomFields(db, 'client'), stored.kind, stored.custom),
  }
  return { ...client, ...completeness(client, (await importantFields(db))[client.kind]) }
}

export async function getClient(db: Db, actor: Actor, id: number): Promise<ClientDto> {
  const row = await loadClientFor(db, actor, id, 'clients.read')
  if (row.deleted_at && actor.kind === 'user' && !actor.permissions.has('clients.delete'))
    throw AppError.notFound()
  return clientCard(db, id)
}

const AUDIT_FIELDS = [
  'kind',
  'name',
  'fullName',
  'legalForm',
  'inn',
  'kpp',
  'ogrn',
  'isForeign',
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'legalAddress',
  'postalAddress',
  'website',
  'industry',
  'size',
  'source',
  'description',
  'custom',
] as const

function auditView(c: ClientDto): Record<string, unknown> {
  const view: Record<string, unknown> = Object.fromEntries(AUDIT_FIELDS.map((k) => [k, c[k]]))
  view.owner = c.owner?.name ?? null
  view.team = c.team?.name ?? null
  view.channels = c.channels.map((ch) => `${ch.type}: ${ch.value}${ch.label ? ` (${ch.label})` : ''}`)
  view.bankAccounts = c.bankAccounts.map((a) => `${a.bik} ${a.account}`)
  return view
}

type Merged = Required<Omit<ClientUpdateInput, 'ownerId' | 'teamId'>> & { kind: ClientDto['kind'] }

function fromCard(c: ClientDto): Merged {
  return {
    kind: c.kind,
    name: c.name,
    fullName: c.fullName,
    legalForm: c.legalForm as Merged['legalForm'],
    inn: c.inn,
    kpp: c.kpp,
    ogrn: c.ogrn,
    isForeign: c.isForeign,
    lastName: c.lastName,
    firstName: c.firstName,
    middleName: c.middleName,
    birthDate: c.birthDate,
    legalAddress: c.legalAddress,
    postalAddress: c.postalAddress,
    website: c.website,
    industry: c.industry,
    size: c.size as Merged['size'],
    source: c.source,
    description: c.description,
    channels: c.channels.map((ch) => ({
      type: ch.type,
      value: ch.value,
      label: ch.label,
      isPrimary: ch.isPrimary,
    })),
    bankAccounts: c.bankAccounts.map((a) => ({
      bik: a.bik,
      bankName: a.bankName,
      account: a.account,
      corrAccount: a.corrAccount,
      isPrimary: a.isPrimary,
    })),
    custom: c.custom,
  }
}

const EMPTY: Omit<Merged, 'kind'> = {
  name: '',
  fullName: '',
  legalForm: '',
  inn: null,
  kpp: null,
  ogrn: null,
  isForeign: false,
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: null,
  legalAddress: '',
  postalAddress: '',
  website: '',
  industry: '',
  size: '',
  source: '',
  description: '',
  channels: [],
  bankAccounts: [],
  custom: {},
}

const ORGANIZATION_ONLY = [
  'fullName',
  'legalForm',
  'kpp',
  'ogrn',
  'isForeign',
  'website',
  'industry',
  'size',
  'bankAccounts',
] as const
const PERSON_ONLY = ['lastName', 'firstName', 'middleName', 'birthDate'] as const

/** Validates a whole client state and turns it into row values; collects every problem before failing. */
async function prepare(
  db: Executor,
  input: Merged,
  given: Record<string, unknown>,
  previousCustom: Record<string, unknown>,
  mode: 'create' | 'update',
): Promise<Prepared> {
  return prepareWith(await findCustomFields(db, 'client'), input, given, previousCustom, mode)
}

interface Prepared {
  values: Omit<repo.ClientValues, 'owner_id' | 'team_id' | 'completeness'>
  channels: ReturnType<typeof normalizeChannels>
  bankAccounts: Merged['bankAccounts']
}

type CustomDefs = Awaited<ReturnType<typeof findCustomFields>>

/** `prepare` with the custom field definitions already read (a batch reads them once). */
function prepareWith(
  defs: CustomDefs,
  input: Merged,
  given: Record<string, unknown>,
  previousCustom: Record<string, unknown>,
  mode: 'create' | 'update',
): Prepared {
  const problems: Problems = {}
  const notApplicable = input.kind === 'organization' ? PERSON_ONLY : ORGANIZATION_ONLY
  for (const f of notApplicable) {
    const v = given[f]
    if (v !== undefined && v !== null && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0)) {
      problems[f] = { key: 'clients.kind_mismatch' }
    }
  }
  let name = input.name.trim()
  if (input.kind === 'organization') {
    if (!name) problems.name = { key: 'clients.name_required' }
  } else {
    if (!input.lastName.trim()) problems.lastName = { key: 'clients.last_name_required' }
    if (!input.firstName.trim()) problems.firstName = { key: 'clients.first_name_required' }
    name = personName(input.lastName, input.firstName, input.middleName)
    if (input.birthDate && input.birthDate > new Date().toISOString().slice(0, 10)) {
      problems.birthDate = { key: 'clients.birth_date_future' }
    }
  }
  const requisites = checkRequisites(input.kind, input.legalForm, input.isForeign, input, problems)
  const website = input.kind === 'organization' ? checkWebsite(input.website, problems) : ''
  const channels = normalizeChannels(input.channels, problems)
  const bankAccounts = input.kind === 'organization' ? checkBankAccounts(input.bankAccounts, problems) : []
  const custom = validateCustomValues(
    defs,
    input.kind,
    given.custom as Record<string, unknown> | undefined,
    previousCustom,
    mode,
  )
  Object.assign(problems, custom.problems)
  if (Object.keys(problems).length) throw new AppError('validation', { fields: problems })
  const org = input.kind === 'organization'
  return {
    values: {
      kind: input.kind,
      name,
      full_name: org ? input.fullName : '',
      legal_form: org ? (input.isForeign ? 'foreign' : input.legalForm) : '',
      inn: requisites.inn,
      kpp: org ? requisites.kpp : null,
      ogrn: org ? requisites.ogrn : null,
      is_foreign: org && input.isForeign ? 1 : 0,
      last_name: org ? '' : input.lastName.trim(),
      first_name: org ? '' : input.firstName.trim(),
      middle_name: org ? '' : input.middleName.trim(),
      birth_date: org ? null : input.birthDate,
      legal_address: input.legalAddress,
      postal_address: input.postalAddress,
      website,
      industry: org ? input.industry : '',
      size: org ? input.size : '',
      source: input.source,
      description: input.description,
      custom: JSON.stringify(custom.values),
    },
    channels,
    bankAccounts,
  }
}

async function checkOwnership(
  db: Executor,
  actor: Actor,
  ownerId: number | null,
  teamId: number | null | undefined,
) {
  checkOwnershipWith(actor, ownerId, teamId, {
    ownerActive: ownerId !== null && (await repo.ownerIsActive(db, ownerId)),
    teamExists: teamId !== undefined && teamId !== null && (await repo.teamExists(db, teamId)),
  })
}

function checkOwnershipWith(
  actor: Actor,
  ownerId: number | null,
  teamId: number | null | undefined,
  facts: { ownerActive: boolean; teamExists: boolean },
) {
  const problems: Problems = {}
  if (ownerId !== null && !facts.ownerActive) problems.ownerId = { key: 'clients.owner_not_found' }
  if (teamId !== undefined && teamId !== null && !facts.teamExists)
    problems.teamId = { key: 'clients.team_not_found' }
  if (Object.keys(problems).length) throw new AppError('validation', { fields: problems })
  // Giving a client to someone else is a reassignment: it needs the permission.
  if (ownerId !== actor.userId && actor.kind === 'user' && !actor.permissions.has('clients.reassign')) {
    throw AppError.field('ownerId', 'errors.forbidden', undefined, 'forbidden')
  }
}

async function saveCard(tx: Tx, id: number, prepared: Prepared): Promise<ClientDto> {
  await repo.replaceChannels(tx, { clientId: id }, prepared.channels)
  await repo.replaceBankAccounts(tx, id, prepared.bankAccounts)
  const card = await clientCard(tx, id)
  await tx.updateTable('clients').set({ completeness: card.completeness }).where('id', '=', id).execute()
  return card
}

export async function createClient(
  db: Db,
  source: AuditSource,
  input: ClientCreateInput,
): Promise<{ client: ClientDto; duplicates: Duplicate[] }> {
  return inTransaction(db, async ({ tx }) => {
    const client = await createClientIn(tx, source, input)
    return { client, duplicates: await duplicatesOf(tx, source.actor, client) }
  })
}

/** Creates a client in the caller's transaction (validated, audited, classified), e.g. for an import. */
export async function createClientIn(
  tx: Tx,
  source: AuditSource,
  input: ClientCreateInput,
): Promise<ClientDto> {
  const actor = source.actor
  const merged: Merged = { ...EMPTY, ...stripUndefined(input), kind: input.kind }
  const prepared = await prepare(tx, merged, input, {}, 'create')
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId
  await checkOwnership(tx, actor, ownerId, input.teamId)
  const teamId =
    input.teamId !== undefined ? input.teamId : ownerId !== null ? await repo.teamOf(tx, ownerId) : null
  const id = await repo.insertClient(
    tx,
    { ...prepared.values, owner_id: ownerId, team_id: teamId, completeness: 0 },
    actor.userId,
  )
  const client = await saveCard(tx, id, prepared)
  await reclassify(tx, [id])
  await recordAudit(tx, source, {
    action: 'create',
    entityType: 'client',
    entityId: id,
    after: filledOnly(auditView(client)),
  })
  return client
}

export type BulkCreateResult = { ok: true; id: number } | { ok: false; error: AppError }

/**
 * Creates many clients in the caller's transaction with the checks, classification and audit of
 * `createClientIn`, in a handful of statements per few hundred clients instead of a dozen per client
 * (an import of a whole client base). A client whose input fails its checks gets its error in the
 * result and the others are created; any other failure throws and leaves the batch to the caller.
 */
export async function createClientsIn(
  tx: Tx,
  source: AuditSource,
  inputs: ClientCreateInput[],
): Promise<BulkCreateResult[]> {
  const actor = source.actor
  const defs = await findCustomFields(tx, 'client')
  const important = await importantFields(tx)
  const users = new Map<
    number,
    { id: number; name: string; is_active: number; team_id: number | null } | null
  >()
  const teams = new Map<number, { id: number; name: string } | null>()
  const userOf = async (id: number) => {
    if (!users.has(id))
      users.set(
        id,
        (await tx
          .selectFrom('users')
          .select(['id', 'name', 'is_active', 'team_id'])
          .where('id', '=', id)
          .executeTakeFirst()) ?? null,
      )
    return users.get(id)!
  }
  const teamOf = async (id: number) => {
    if (!teams.has(id))
      teams.set(
        id,
        (await tx.selectFrom('teams').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null,
      )
    return teams.get(id)!
  }
  const results: BulkCreateResult[] = new Array(inputs.length)
  const ready: { index: number; prepared: Prepared; ownerId: number | null; teamId: number | null }[] = []
  for (const [index, input] of inputs.entries()) {
    try {
      const merged: Merged = { ...EMPTY, ...stripUndefined(input), kind: input.kind }
      const prepared = prepareWith(defs, merged, input, {}, 'create')
      const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId
      const owner = ownerId !== null ? await userOf(ownerId) : null
      const team = input.teamId !== undefined && input.teamId !== null ? await teamOf(input.teamId) : null
      checkOwnershipWith(actor, ownerId, input.teamId, {
        ownerActive: owner?.is_active === 1,
        teamExists: team !== null,
      })
      const teamId = input.teamId !== undefined ? input.teamId : (owner?.team_id ?? null)
      ready.push({ index, prepared, ownerId, teamId })
    } catch (err) {
      if (!(err instanceof AppError)) throw err
      results[index] = { ok: false, error: err }
    }
  }
  if (!ready.length) return results
  const now = new Date().toISOString()
  const creator = actor.userId !== null ? await userOf(actor.userId) : null
  // The card each client will have, built from what is written (no read-back): completeness is stored
  // with the row and the audit entry lists the same facts `createClientIn` records.
  const cards = await Promise.all(
    ready.map(async (r) => {
      const v = r.prepared.values
      const team = r.teamId !== null ? await teamOf(r.teamId) : null
      const owner = r.ownerId !== null ? await userOf(r.ownerId) : null
      const card: Omit<ClientDto, 'completeness' | 'missing'> = {
        id: 0,
        kind: v.kind,
        name: v.name,
        fullName: v.full_name,
        legalForm: v.legal_form,
        inn: v.inn,
        kpp: v.kpp,
        ogrn: v.ogrn,
        isForeign: v.is_foreign === 1,
        lastName: v.last_name,
        firstName: v.first_name,
        middleName: v.middle_name,
        birthDate: v.birth_date,
        legalAddress: v.legal_address,
        postalAddress: v.postal_address,
        website: v.website,
        industry: v.industry,
        size: v.size,
        source: v.source,
        description: v.description,
        custom: visibleCustomValues(defs, v.kind, JSON.parse(v.custom) as Record<string, unknown>),
        owner: owner ? { id: owner.id, name: owner.name } : null,
        team: team ? { id: team.id, name: team.name } : null,
        channels: r.prepared.channels.map((c) => ({
          id: 0,
          type: c.type,
          value: c.value,
          normalized: c.normalized,
          label: c.label,
          isPrimary: c.isPrimary,
        })),
        bankAccounts: r.prepared.bankAccounts.map((a) => ({ ...a, id: 0 })),
        deletedAt: null,
        mergedIntoId: null,
        erasedAt: null,
        createdBy: creator ? { id: creator.id, name: creator.name } : null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }
      return { ...card, ...completeness(card, important[card.kind]) }
    }),
  )
  const ids = await repo.insertClients(
    tx,
    ready.map((r, i) => ({
      ...r.prepared.values,
      owner_id: r.ownerId,
      team_id: r.teamId,
      completeness: cards[i]!.completeness,
    })),
    actor.userId,
  )
  await repo.insertClientDetails(
    tx,
    ready.map((r, i) => ({
      clientId: ids[i]!,
      channels: r.prepared.channels,
      bankAccounts: r.prepared.bankAccounts,
    })),
  )
  await reclassify(tx, ids)
  await recordAudits(
    tx,
    source,
    ready.map((_, i) => ({
      action: 'create',
      entityType: 'client',
      entityId: ids[i]!,
      after: filledOnly(auditView({ ...cards[i]!, id: ids[i]! })),
    })),
  )
  ready.forEach((r, i) => {
    results[r.index] = { ok: true, id: ids[i]! }
  })
  return results
}

/** A new record's history lists the facts it was created with, not every empty field. */
function filledOnly(view: Record<string, unknown>): Record<string, unknown> {
  const isEmpty = (v: unknown) =>
    v === '' ||
    v === null ||
    v === false ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)
  return Object.fromEntries(Object.entries(view).filter(([, v]) => !isEmpty(v)))
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

export async function updateClient(
  db: Db,
  source: AuditSource,
  id: number,
  version: number,
  patch: ClientUpdateInput,
): Promise<{ client: ClientDto; duplicates: Duplicate[] }> {
  return inTransaction(db, async ({ tx }) => {
    const client = await updateClientIn(tx, source, id, version, patch)
    return { client, duplicates: await duplicatesOf(tx, source.actor, client) }
  })
}

/** Updates a client in the caller's transaction (same checks and audit as `updateClient`). */
export async function updateClientIn(
  tx: Tx,
  source: AuditSource,
  id: number,
  version: number,
  patch: ClientUpdateInput,
): Promise<ClientDto> {
  const actor = source.actor
  const row = await loadClientFor(tx, actor, id, 'clients.update')
  if (row.deleted_at) throw new AppError('conflict', { key: 'clients.in_trash' })
  if (row.version !== version) throw new AppError('precondition_failed')
  const before = await clientCard(tx, id)
  const merged: Merged = { ...fromCard(before), ...stripUndefined(patch) }
  const prepared = await prepare(tx, merged, patch, before.custom, 'update')
  let ownerId = row.owner_id
  let teamId = row.team_id
  if (patch.ownerId !== undefined || patch.teamId !== undefined) {
    const nextOwner = patch.ownerId !== undefined ? patch.ownerId : row.owner_id
    if (nextOwner !== row.owner_id || (patch.teamId !== undefined && patch.teamId !== row.team_id)) {
      if (!actor.permissions.has('clients.reassign') && actor.kind === 'user') {
        throw AppError.field(
          patch.ownerId !== undefined ? 'ownerId' : 'teamId',
          'errors.forbidden',
          undefined,
          'forbidden',
        )
      }
    }
    await checkOwnership(
      tx,
      { ...actor, permissions: new Set([...actor.permissions, 'clients.reassign']) },
      nextOwner,
      patch.teamId,
    )
    ownerId = nextOwner
    teamId =
      patch.teamId !== undefined
        ? patch.teamId
        : nextOwner !== row.owner_id && nextOwner !== null
          ? await repo.teamOf(tx, nextOwner)
          : row.team_id
  }
  if (
    !(await repo.updateClientRow(
      tx,
      id,
      version,
      { ...prepared.values, owner_id: ownerId, team_id: teamId, completeness: row.completeness },
      actor.userId,
    ))
  ) {
    throw new AppError('precondition_failed')
  }
  const client = await saveCard(tx, id, prepared)
  await reclassify(tx, [id])
  await recordAudit(tx, source, {
    action: 'update',
    entityType: 'client',
    entityId: id,
    before: auditView(before),
    after: auditView(client),
  })
  return client
}

export async function trashClient(db: Db, source: AuditSource, id: number, version: number): Promise<void> {
  await inTransaction(db, ({ tx }) => trashClientIn(tx, source, id, version))
}

/** Moves a client to the trash in the caller's transaction (`version` undefined: whatever version it has). */
export async function trashClientIn(
  tx: Tx,
  source: AuditSource,
  id: number,
  version?: number,
): Promise<void> {
  const row = await loadClientFor(tx, source.actor, id, 'clients.delete')
  if (row.deleted_at) return
  if (
    !(await repo.setDeleted(tx, id, version ?? row.version, {
      at: new Date().toISOString(),
      by: source.actor.userId,
    }))
  ) {
    throw new AppError('precondition_failed')
  }
  await recordAudit(tx, source, {
    action: 'delete',
    entityType: 'client',
    entityId: id,
    changes: { deletedAt: { from: null, to: 'trash' } },
  })
}

export async function restoreClient(db: Db, source: AuditSource, id: number): Promise<ClientDto> {
  return inTransaction(db, async ({ tx }) => {
    const row = await loadClientFor(tx, source.actor, id, 'clients.delete')
    if (!row.deleted_at) throw new AppError('conflict', { key: 'clients.not_in_trash' })
    if (row.merged_into_id !== null) throw new AppError('conflict', { key: 'clients.not_in_trash' })
    await repo.setDeleted(tx, id, row.version, null)
    await reclassify(tx, [id])
    await recordAudit(tx, source, {
      action: 'restore',
      entityType: 'client',
      entityId: id,
      changes: { deletedAt: { from: 'trash', to: null } },
    })
    return clientCard(tx, id)
  })
}

/** Deletes a client from the trash for good (administrators). Audit entries stay. */
export async function purgeClient(
  db: Db,
  source: AuditSource,
  id: number,
  onPurge: (uow: UnitOfWork, id: number) => Promise<void>,
): Promise<void> {
  await inTransaction(db, async (uow) => {
    const { tx } = uow
    const row = await loadClientFor(tx, source.actor, id, 'clients.purge')
    if (!row.deleted_at) throw new AppError('conflict', { key: 'clients.not_in_trash' })
    await onPurge(uow, id)
    await repo.purgeClientRow(tx, id)
    await recordAudit(tx, source, {
      action: 'purge',
      entityType: 'client',
      entityId: id,
      changes: { name: { from: row.name } },
    })
  })
}

const LEGAL_FORM_WORDS = new Set([
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'нао',
  'ип',
  'гуп',
  'муп',
  'нко',
  'ано',
  'тсж',
  'llc',
  'ltd',
  'inc',
  'gmbh',
  'plc',
])

/** Significant words of a name for "very similar name" matching (legal forms, quotes and short words dropped). */
export function nameTokens(name: string): string[] {
  return searchText(name)
    .replace(/[«»"'“”„.,()]/g, ' ')
    .split(' ')
    .filter((w) => w.length >= 3 && !LEGAL_FORM_WORDS.has(w))
}

function similarNames(a: string, b: string): boolean {
  const ta = nameTokens(a)
  const tb = nameTokens(b)
  if (!ta.length || !tb.length) return false
  return ta.join(' ') === tb.join(' ') || (ta.length >= 2 && ta.every((t) => tb.includes(t)))
}

export async function findDuplicates(
  db: Executor,
  actor: Actor,
  facts: {
    kind?: ClientDto['kind']
    name?: string
    inn?: string | null
    kpp?: string | null
    phones?: string[]
    emails?: string[]
    excludeId?: number
  },
): Promise<Duplicate[]> {
  const phones = (facts.phones ?? []).map((p) => normalizePhone(p)).flatMap((p) => (p.ok ? [p.e164] : []))
  const emails = (facts.emails ?? []).map((e) => normalizeEmail(e)).flatMap((e) => (e.ok ? [e.email] : []))
  const tokens = facts.name ? nameTokens(facts.name) : []
  const candidates = await repo.findDuplicateCandidates(db, {
    inn: facts.inn?.replace(/\s/g, '') || null,
    kpp: facts.kpp?.replace(/\s/g, '') || null,
    phones,
    emails,
    nameTokens: tokens,
    excludeId: facts.excludeId,
  })
  const byId = new Map<number, Duplicate>()
  for (const c of candidates) {
    if (c.reason === 'name' && !similarNames(c.name, facts.name ?? '')) continue
    if (facts.kind && c.kind !== facts.kind) continue
    const visible = canSee(actor, { ownerId: c.owner_id, teamId: c.team_id })
    const existing = byId.get(c.id)
    if (existing) {
      if (!existing.reasons.includes(c.reason)) existing.reasons.push(c.reason)
      continue
    }
    byId.set(c.id, {
      id: c.id,
      name: visible ? c.name : '',
      kind: c.kind,
      inn: visible ? c.inn : null,
      reasons: [c.reason],
      owner: c.owner_id !== null ? { id: c.owner_id, name: c.owner_name ?? '' } : null,
      visible,
    })
  }
  return [...byId.values()].slice(0, 20)
}

function duplicatesOf(db: Executor, actor: Actor, c: ClientDto): Promise<Duplicate[]> {
  return findDuplicates(db, actor, {
    name: c.name,
    inn: c.inn,
    kpp: c.kpp,
    phones: c.channels.filter((ch) => ch.type === 'phone').map((ch) => ch.normalized),
    emails: c.channels.filter((ch) => ch.type === 'email').map((ch) => ch.normalized),
    excludeId: c.id,
  })
}
