import { sql } from 'kysely'
import type { Db, DialectKind } from '../../../platform/db/database.ts'
import { ClassificationIndex, type IndexNode } from './classification-index.ts'

/** A change whose transaction has not committed yet shows as a gap in the log; after this long it was rolled back. */
const GAP_TTL_MS = 30_000
/** The change log keeps 2 hours; an index idle for longer rebuilds instead of catching up. */
const IDLE_REBUILD_MS = 50 * 60_000
const LOAD_CHUNK = 100_000
const RELOAD_CHUNK = 500

/**
 * Keeps one database's classification index fresh. Triggers write every change of a client's indexed
 * attributes and memberships (and of the classifiers' structure) to `client_index_changes`; before
 * answering, `fresh()` applies the log since the last call by reloading the changed clients. So a list
 * request on any instance sees everything committed before it began — several instances on one
 * PostgreSQL stay consistent without talking to each other.
 *
 * On PostgreSQL, ids of the log are taken before commit, so a later id may commit first: ids missing
 * below the highest seen are remembered as gaps and read again until they appear or expire.
 */
export class ClassificationStore {
  private index: ClassificationIndex | null = null
  private building: Promise<ClassificationIndex> | null = null
  private catchingUp: Promise<void> | null = null
  private safeSeq = 0
  private maxSeen = 0
  private readonly gaps = new Map<number, number>()
  private lastSync = 0
  /** Statistics of the last full build, for logs and benchmarks. */
  lastBuild: { ms: number; clients: number; memberships: number; bytes: number } | null = null

  constructor(
    private readonly db: Db,
    private readonly kind: DialectKind,
  ) {}

  /** The index with every committed change applied. */
  async fresh(): Promise<ClassificationIndex> {
    if (!this.index || Date.now() - this.lastSync > IDLE_REBUILD_MS) {
      if (!this.building) {
        this.building = this.build().finally(() => {
          this.building = null
        })
      }
      return this.building
    }
    // One catch-up at a time; callers arriving meanwhile wait for the next one (it sees their commits).
    while (this.catchingUp) await this.catchingUp
    this.catchingUp = this.catchUp().finally(() => {
      this.catchingUp = null
    })
    await this.catchingUp
    return this.index
  }

  /** Forgets the index (tests; a restore of the database). */
  reset(): void {
    this.index = null
  }

  private async build(): Promise<ClassificationIndex> {
    const started = Date.now()
    const index = new ClassificationIndex()
    let clients = 0
    let memberships = 0
    const load = async (tx: Db) => {
      const top = await tx
        .selectFrom('client_index_changes')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst()
      const maxSeq = Number(top?.id ?? 0)
      // Ids below the top that this snapshot does not see belong to transactions still running.
      const recent = await tx
        .selectFrom('client_index_changes')
        .select('id')
        .where('id', '>', Math.max(0, maxSeq - 10_000))
        .orderBy('id')
        .execute()
      this.gaps.clear()
      let expected = Math.max(0, maxSeq - 10_000) + 1
      const now = Date.now()
      for (const r of recent) {
        for (let g = expected; g < Number(r.id); g++) this.gaps.set(g, now)
        expected = Number(r.id) + 1
      }
      this.maxSeen = maxSeq
      index.setStructure(await loadNodes(tx))
      let after = 0
      for (;;) {
        const rows = await tx
          .selectFrom('clients')
          .select(['id', 'kind', 'owner_id', 'team_id', 'deleted_at'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(LOAD_CHUNK)
          .execute()
        if (!rows.length) break
        index.loadClients(
          rows.map((r) => ({
            id: r.id,
            alive: r.deleted_at === null,
            person: r.kind === 'person',
            ownerId: r.owner_id,
            teamId: r.team_id,
          })),
        )
        const last = rows.at(-1)!.id
        const links = await tx
          .selectFrom('client_classifications')
          .select(['client_id as clientId', 'node_id as nodeId'])
          .where('client_id', '>', after)
          .where('client_id', '<=', last)
          .execute()
        index.loadMemberships(links)
        clients += rows.length
        memberships += links.length
        after = last
      }
      index.rebuildDerived()
    }
    if (this.kind === 'postgres') {
      await this.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (tx) => {
          await sql`set transaction read only`.execute(tx)
          await load(tx)
        })
    } else {
      await this.db.transaction().execute(load)
    }
    this.safeSeq = this.gaps.size ? Math.min(...this.gaps.keys()) - 1 : this.maxSeen
    this.index = index
    this.lastSync = Date.now()
    this.lastBuild = { ms: Date.now() - started, clients, memberships, bytes: index.bytes }
    return index
  }

  private async catchUp(): Promise<void> {
    const index = this.index!
    for (;;) {
      const rows = await this.db
        .selectFrom('client_index_changes')
        .select(['id', 'client_id'])
        .where('id', '>', this.safeSeq)
        .orderBy('id')
        .limit(50_000)
        .execute()
      const now = Date.now()
      const changed = new Set<number>()
      let structure = false
      for (const r of rows) {
        const id = Number(r.id)
        if (id <= this.maxSeen && !this.gaps.has(id)) continue
        if (id > this.maxSeen + 1) for (let g = this.maxSeen + 1; g < id; g++) this.gaps.set(g, now)
        this.maxSeen = Math.max(this.maxSeen, id)
        this.gaps.delete(id)
        if (r.client_id === 0) structure = true
        else changed.add(r.client_id)
      }
      for (const [g, seen] of this.gaps) if (now - seen > GAP_TTL_MS) this.gaps.delete(g)
      if (structure) index.setStructure(await loadNodes(this.db))
      if (changed.size) await reloadClients(this.db, index, [...changed])
      this.safeSeq = this.gaps.size ? Math.min(...this.gaps.keys()) - 1 : this.maxSeen
      if (rows.length < 50_000) break
    }
    this.lastSync = Date.now()
  }
}

async function loadNodes(db: Db): Promise<IndexNode[]> {
  const rows = await db
    .selectFrom('classifier_nodes')
    .select(['id', 'classifier_id', 'parent_id', 'rank'])
    .execute()
  return rows.map((r) => ({ id: r.id, classifierId: r.classifier_id, parentId: r.parent_id, rank: r.rank }))
}

async function reloadClients(db: Db, index: ClassificationIndex, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += RELOAD_CHUNK) {
    const chunk = ids.slice(i, i + RELOAD_CHUNK)
    const rows = await db
      .selectFrom('clients')
      .select(['id', 'kind', 'owner_id', 'team_id', 'deleted_at'])
      .where('id', 'in', chunk)
      .execute()
    const links = await db
      .selectFrom('client_classifications')
      .select(['client_id', 'node_id'])
      .where('client_id', 'in', chunk)
      .execute()
    const nodes = new Map<number, number[]>()
    for (const l of links) {
      const list = nodes.get(l.client_id) ?? []
      list.push(l.node_id)
      nodes.set(l.client_id, list)
    }
    const found = new Set<number>()
    for (const r of rows) {
      found.add(r.id)
      index.setClient(r.id, {
        alive: r.deleted_at === null,
        person: r.kind === 'person',
        ownerId: r.owner_id,
        teamId: r.team_id,
        nodes: nodes.get(r.id) ?? [],
      })
    }
    for (const id of chunk) if (!found.has(id)) index.setClient(id, null)
  }
}

/** An index holding only the classifiers' structure (for resolving subtrees inside a transaction). */
export async function structureIndex(db: Db): Promise<ClassificationIndex> {
  const index = new ClassificationIndex()
  index.setStructure(await loadNodes(db))
  return index
}

const stores = new WeakMap<Db, ClassificationStore>()

/** The store of a database (one per database per process). */
export function classificationStore(db: Db, kind: DialectKind): ClassificationStore {
  let store = stores.get(db)
  if (!store) {
    store = new ClassificationStore(db, kind)
    stores.set(db, store)
  }
  return store
}

/** Drops log entries every instance has had time to apply (the idle rebuild covers the rest). */
export async function purgeIndexChanges(db: Db): Promise<number> {
  const cutoff = new Date(Date.now() - 2 * 3600_000).toISOString()
  const res = await db.deleteFrom('client_index_changes').where('created_at', '<', cutoff).executeTakeFirst()
  return Number(res.numDeletedRows)
}
