// The clients and their memberships, generated batch by batch from one seeded stream, and their phones,
// e-mails and contact persons from a second one (channels.ts): the same seed gives the same rows (and
// ids) whatever the database and the batch size.
import { clientSearchText } from '../../server/src/modules/clients/clients.repository.ts'
import { makeInn, makeOgrn, makeOgrnip } from '../../server/src/modules/clients/index.ts'
import { CHANNEL_COLUMNS, CONTACT_COLUMNS, type ExtrasGenerator, LINK_COLUMNS } from './channels.ts'
import { type Rng, Weighted, zipfWeights } from './random.ts'
import type { BenchClassifier, BenchNode, BenchUser } from './structure.ts'
import type { Tally } from './tally.ts'
import {
  ADJECTIVES,
  FANCY,
  FANCY_SUFFIXES,
  FEMALE_NAMES,
  femaleSurname,
  LEGAL_FORMS,
  MALE_NAMES,
  NOUNS_BY_SECTOR,
  PATRONYMICS,
  SOURCES,
  STREETS,
  SURNAMES,
} from './words.ts'

/** The three years the clients were created in (fixed, so the data does not depend on the day it is made). */
export const CREATED_FROM = Date.parse('2023-11-01T00:00:00.000Z')
export const CREATED_TO = Date.parse('2026-11-01T00:00:00.000Z')
const DAY = 86_400_000

/** The client columns the generator fills (the rest keep their defaults), with PostgreSQL array types. */
export const CLIENT_COLUMNS = [
  ['id', 'int4'],
  ['kind', 'text'],
  ['name', 'text'],
  ['full_name', 'text'],
  ['legal_form', 'text'],
  ['inn', 'text'],
  ['kpp', 'text'],
  ['ogrn', 'text'],
  ['last_name', 'text'],
  ['first_name', 'text'],
  ['middle_name', 'text'],
  ['birth_date', 'text'],
  ['legal_address', 'text'],
  ['industry', 'text'],
  ['size', 'text'],
  ['source', 'text'],
  ['owner_id', 'int4'],
  ['team_id', 'int4'],
  ['search', 'text'],
  ['deleted_at', 'timestamptz'],
  ['deleted_by', 'int4'],
  ['created_by', 'int4'],
  ['updated_by', 'int4'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const

export const MEMBERSHIP_COLUMNS = [
  ['client_id', 'int4'],
  ['node_id', 'int4'],
  ['classifier_id', 'int4'],
  ['assigned_by', 'int4'],
  ['assigned_at', 'timestamptz'],
] as const

export type Value = string | number | null

/** Rows by column: `columns[c][row]`, in the order of the table's columns in TABLES. */
export interface Batch {
  rows: number
  columns: Value[][]
}

/** The tables the generator fills, in the order they are written, with their columns. */
export const TABLES = {
  clients: CLIENT_COLUMNS,
  client_classifications: MEMBERSHIP_COLUMNS,
  contacts: CONTACT_COLUMNS,
  contact_links: LINK_COLUMNS,
  contact_channels: CHANNEL_COLUMNS,
} as const
export type BulkTable = keyof typeof TABLES
export type Batches = Record<BulkTable, Batch>

export function emptyBatches(): Batches {
  const out = {} as Batches
  for (const [table, columns] of Object.entries(TABLES))
    out[table as BulkTable] = { rows: 0, columns: columns.map(() => []) }
  return out
}

const ORGANIZATIONS = 0.4
const TRASHED = 0.01
const UNOWNED = 0.02
const SIZE_VALUES = ['small', 'medium', 'large']

type Slot = 'temperature' | 'loyalty' | 'size' | 'industry' | 'region' | 'industry2' | 'region2'
const SLOTS: Slot[] = ['temperature', 'region', 'industry', 'loyalty', 'size', 'industry2', 'region2']
/**
 * How likely each kind of membership is drawn (without replacement) into a client's 3–6: a second
 * Industry or Region node mostly only when the five others are taken, so most clients have one of each.
 */
const SLOT_WEIGHTS: Record<'organization' | 'person', number[]> = {
  organization: [0.9, 0.9, 0.9, 0.45, 0.6, 0.04, 0.04],
  person: [0.9, 0.9, 0.5, 0.6, 0.08, 0.03, 0.04],
}

export class ClientGenerator {
  private nextId = 1
  private readonly byKey: Map<string, BenchClassifier>
  private readonly byId: Map<number, BenchNode>
  private readonly owners: Weighted<BenchUser>
  private readonly forms: Weighted<(typeof LEGAL_FORMS)[number]>

  constructor(
    private readonly rng: Rng,
    readonly total: number,
    classifiers: BenchClassifier[],
    users: BenchUser[],
    readonly tally: Tally,
    /** Phones, e-mails and contact persons (their own random stream). */
    readonly extras: ExtrasGenerator,
  ) {
    this.byKey = new Map(classifiers.map((c) => [c.key, c]))
    this.byId = new Map(classifiers.flatMap((c) => c.nodes.map((n) => [n.id, n] as const)))
    const sellers = rng.shuffled(users.filter((u) => u.roleCode !== 'admin'))
    this.owners = new Weighted(sellers, zipfWeights(sellers.length, 0.5))
    this.forms = new Weighted(
      LEGAL_FORMS,
      LEGAL_FORMS.map((f) => f[2]),
    )
  }

  get done(): boolean {
    return this.nextId > this.total
  }

  /** The next `size` clients (fewer at the end) with all their rows, added to `into` if given. */
  next(size: number, into?: Batches): Batches {
    const out = into ?? emptyBatches()
    const end = Math.min(this.total, this.nextId + size - 1)
    for (; this.nextId <= end; this.nextId++) this.client(this.nextId, out)
    return out
  }

  private client(id: number, out: Batches): void {
    const clients = out.clients
    const memberships = out.client_classifications
    const r = this.rng
    const createdMs =
      CREATED_FROM + Math.floor(((id - 1 + r.next()) / this.total) * (CREATED_TO - CREATED_FROM))
    const createdAt = iso(createdMs)
    const updatedAt = r.chance(0.3)
      ? iso(createdMs + Math.floor(r.next() * (CREATED_TO - createdMs)))
      : createdAt
    const owner = r.chance(UNOWNED) ? null : this.owners.pick(r)
    const trashed = r.chance(TRASHED)
    const org = r.chance(ORGANIZATIONS)
    const nodes = this.memberships(org)
    const region = nodes.find((n) => n.classifierId === this.byKey.get('region')!.id)
    const regionSpec = region ? this.regionOf(region) : this.byKey.get('region')!.nodes[1]!.spec
    const code = regionSpec.code ?? '77'
    const address = `${r.int(101000, 693000)}, г. ${regionSpec.city}, ${r.pick(STREETS)}, д. ${r.int(1, 180)}${r.chance(0.4) ? `, оф. ${r.int(1, 600)}` : ''}`
    const industryNode = nodes.find((n) => n.classifierId === this.byKey.get('industry')!.id)
    const sector = industryNode ? industryNode.branch : r.int(0, NOUNS_BY_SECTOR.length - 1)
    const sizeNode = nodes.find((n) => n.classifierId === this.byKey.get('size')!.id)

    let v: {
      kind: string
      name: string
      full_name: string
      legal_form: string
      inn: string | null
      kpp: string | null
      ogrn: string | null
      last_name: string
      first_name: string
      middle_name: string
      birth_date: string | null
      legal_address: string
      industry: string
      size: string
    }
    const [last, first, middle, tail] = this.personName()
    let core = last
    if (org) {
      const [form, full] = this.forms.pick(r)
      const industry = industryNode ? this.byId.get(industryNode.path.at(-1)!)!.nameRu : ''
      const size = sizeNode ? SIZE_VALUES[sizeNode.position]! : ''
      if (form === 'ИП') {
        v = {
          kind: 'organization',
          name: `ИП ${last} ${first[0]}. ${middle[0]}.`,
          full_name: `${full} ${last} ${first} ${middle}`,
          legal_form: form,
          inn: makeInn('person', `${code}${r.digits(8)}`),
          kpp: null,
          ogrn: makeOgrnip(`3${String(r.int(4, 26)).padStart(2, '0')}${code}${r.digits(9)}`),
          last_name: '',
          first_name: '',
          middle_name: '',
          birth_date: null,
          legal_address: address,
          industry,
          size,
        }
      } else {
        core = r.chance(0.35)
          ? `${r.pick(FANCY)}${r.pick(FANCY_SUFFIXES)}`
          : `${r.pick(ADJECTIVES)} ${r.pick(NOUNS_BY_SECTOR[sector]!)}`
        v = {
          kind: 'organization',
          name: `${form} «${core}»`,
          full_name: `${full} «${core}»`,
          legal_form: form,
          inn: makeInn('organization', `${code}${r.digits(7)}`),
          kpp: `${code}${r.pick(['01', '02', '05', '10', '43'])}01001`,
          ogrn: makeOgrn(`1${String(r.int(2, 26)).padStart(2, '0')}${code}${r.digits(7)}`),
          last_name: '',
          first_name: '',
          middle_name: '',
          birth_date: null,
          legal_address: address,
          industry,
          size,
        }
      }
    } else {
      v = {
        kind: 'person',
        name: `${last} ${first} ${middle}`,
        full_name: '',
        legal_form: '',
        inn: r.chance(0.15) ? makeInn('person', `${code}${r.digits(8)}`) : null,
        kpp: null,
        ogrn: null,
        last_name: last,
        first_name: first,
        middle_name: middle,
        birth_date: r.chance(0.4)
          ? `${r.int(1950, 2005)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
          : null,
        legal_address: r.chance(0.3) ? address : '',
        industry: '',
        size: '',
      }
    }
    const ownerId = owner?.id ?? null
    const deletedAt = trashed ? iso(createdMs + Math.floor(r.next() * (CREATED_TO - createdMs))) : null
    const row: Value[] = [
      id,
      v.kind,
      v.name,
      v.full_name,
      v.legal_form,
      v.inn,
      v.kpp,
      v.ogrn,
      v.last_name,
      v.first_name,
      v.middle_name,
      v.birth_date,
      v.legal_address,
      v.industry,
      v.size,
      r.pick(SOURCES),
      ownerId,
      owner?.teamId ?? null,
      this.searchText(id, v),
      deletedAt,
      trashed ? ownerId : null,
      ownerId,
      ownerId,
      createdAt,
      deletedAt && deletedAt > updatedAt ? deletedAt : updatedAt,
    ]
    for (let c = 0; c < row.length; c++) clients.columns[c]!.push(row[c]!)
    clients.rows++

    nodes.sort((a, b) => a.id - b.id)
    const window = Math.min(30 * DAY, CREATED_TO - createdMs)
    for (const node of nodes) {
      const m = memberships.columns
      m[0]!.push(id)
      m[1]!.push(node.id)
      m[2]!.push(node.classifierId)
      m[3]!.push(ownerId)
      m[4]!.push(iso(createdMs + Math.floor(r.next() * window)))
      memberships.rows++
    }
    this.tally.add(id, !trashed, nodes)

    const facts = { id, live: !trashed, teamId: owner?.teamId ?? null }
    if (tail && (!org || v.legal_form === 'ИП')) this.extras.noteTailClient(tail, facts)
    this.extras.client(
      { ...facts, org, ownerId, core, last, first, regionCode: code, createdAt },
      { contacts: out.contacts, contact_links: out.contact_links, contact_channels: out.contact_channels },
    )
    if (org) this.extras.setSampleRequisites(id, v.inn, v.ogrn)
  }

  /** 3–6 direct memberships: at most one per exclusive classifier, a second one in a multiple one now and then. */
  private memberships(org: boolean): BenchNode[] {
    const r = this.rng
    const want = r.int(3, 6)
    const weights = [...SLOT_WEIGHTS[org ? 'organization' : 'person']]
    const out: BenchNode[] = []
    const taken = new Set<Slot>()
    while (out.length < want) {
      let total = 0
      for (let i = 0; i < SLOTS.length; i++) if (this.eligible(SLOTS[i]!, taken)) total += weights[i]!
      if (total === 0) break
      let x = r.next() * total
      let slot: Slot = SLOTS[0]!
      for (let i = 0; i < SLOTS.length; i++) {
        if (!this.eligible(SLOTS[i]!, taken)) continue
        x -= weights[i]!
        slot = SLOTS[i]!
        if (x < 0) break
      }
      taken.add(slot)
      const key = slot === 'industry2' ? 'industry' : slot === 'region2' ? 'region' : slot
      const classifier = this.byKey.get(key)!
      let node = classifier.picker.pick(r)
      // A second node of a multiple classifier: not the first one, nor its ancestor or descendant.
      for (let tries = 0; tries < 8 && out.some((o) => related(o, node)); tries++)
        node = classifier.picker.pick(r)
      if (!out.some((o) => related(o, node))) out.push(node)
    }
    return out
  }

  /**
   * The product's `clientSearchText`, computed faster: the generated parts hold no runs of spaces, and
   * lower-casing Russian does not depend on the locale. Checked against the product's function for the
   * first clients and every 997th after them, so a change in the product's folding stops the generator.
   */
  private searchText(id: number, v: Parameters<typeof clientSearchText>[0]): string {
    let s = v.name
    for (const part of [v.full_name, v.inn, v.kpp, v.ogrn, v.legal_address]) if (part) s += ` ${part}`
    s = s.toLowerCase().replaceAll('ё', 'е')
    if ((id <= 2000 || id % 997 === 0) && s !== clientSearchText(v)) {
      throw new Error(
        `search text of client ${id} differs from the product's: "${s}" ≠ "${clientSearchText(v)}"`,
      )
    }
    return s
  }

  private eligible(slot: Slot, taken: Set<Slot>): boolean {
    if (taken.has(slot)) return false
    if (slot === 'industry2') return taken.has('industry')
    if (slot === 'region2') return taken.has('region')
    return true
  }

  private regionOf(node: BenchNode) {
    // A client put directly in a federal district gets an address in its first region.
    return (node.hasChildren ? this.byId.get(node.id + 1)! : node).spec
  }

  /** Surname, first name, patronymic, and the surname's male form when it came from the long tail. */
  private personName(): [last: string, first: string, middle: string, tail: string | null] {
    const r = this.rng
    // The common surname is drawn either way, so the tail does not shift the clients' own stream.
    const { last, tail } = this.extras.surname(r.pick(SURNAMES))
    const [pm, pf] = r.pick(PATRONYMICS)
    return r.chance(0.5)
      ? [femaleSurname(last), r.pick(FEMALE_NAMES), pf, tail]
      : [last, r.pick(MALE_NAMES), pm, tail]
  }
}

const dayPrefix = new Map<number, string>()

/** `new Date(ms).toISOString()` for whole `ms`, with the date part cached per day (millions of timestamps). */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY)
  let prefix = dayPrefix.get(day)
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11)
    dayPrefix.set(day, prefix)
  }
  let rest = ms - day * DAY
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const sec = Math.floor(rest / 1000)
  const milli = rest - sec * 1000
  return `${prefix}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${sec < 10 ? '0' : ''}${sec}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`
}

function related(a: BenchNode, b: BenchNode): boolean {
  return a.path.includes(b.id) || b.path.includes(a.id)
}
