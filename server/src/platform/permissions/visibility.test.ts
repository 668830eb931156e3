import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts'
import type { AppError } from '../errors/app-error.ts'
import type { Actor } from './actor.ts'
import { authorize, canSee } from './authorize.ts'
import type { Visibility } from './catalogue.ts'
import { visibleTo } from './visibility.ts'

function actor(
  visibility: Visibility,
  userId: number,
  teamId: number | null,
  permissions: string[] = [],
): Actor {
  return {
    kind: 'user',
    userId,
    teamId,
    roleCode: 'r',
    permissions: new Set(permissions),
    visibility,
    locale: 'en',
    timeZone: 'UTC',
  }
}

describe('record visibility: own / team / all', () => {
  it('own sees only own records; team adds the team’s; all sees everything', () => {
    const mine = { ownerId: 1, teamId: 10 }
    const teammate = { ownerId: 2, teamId: 10 }
    const stranger = { ownerId: 3, teamId: 20 }
    const unowned = { ownerId: null, teamId: null }
    expect([mine, teammate, stranger, unowned].map((r) => canSee(actor('own', 1, 10), r))).toEqual([
      true,
      false,
      false,
      false,
    ])
    expect([mine, teammate, stranger, unowned].map((r) => canSee(actor('team', 1, 10), r))).toEqual([
      true,
      true,
      false,
      false,
    ])
    expect([mine, teammate, stranger, unowned].map((r) => canSee(actor('all', 1, 10), r))).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(canSee(actor('team', 1, null), teammate)).toBe(false)
  })

  it('hides an invisible record as not found, and refuses a visible one without the permission', () => {
    expect(() =>
      authorize(actor('own', 1, 10, ['users.manage']), 'users.manage', { ownerId: 3, teamId: 20 }),
    ).toThrowError(expect.objectContaining({ code: 'not_found' }) as AppError)
    expect(() => authorize(actor('own', 1, 10), 'users.manage', { ownerId: 1, teamId: 10 })).toThrowError(
      expect.objectContaining({ code: 'forbidden' }) as AppError,
    )
    expect(() =>
      authorize(actor('own', 1, 10, ['users.manage']), 'users.manage', { ownerId: 1, teamId: 10 }),
    ).not.toThrow()
  })

  describe('the SQL condition selects exactly what canSee allows', () => {
    let tdb: TestDatabase
    beforeAll(async () => {
      tdb = await createTestDatabase()
      await sql`create table vis_probe (id integer primary key, owner_id integer, team_id integer)`.execute(
        tdb.handle.db,
      )
    })
    afterAll(() => tdb.destroy())

    it('for any actor and any set of records', async () => {
      const db = tdb.handle.db.withTables<{
        vis_probe: { id: number; owner_id: number | null; team_id: number | null }
      }>()
      const idOrNull = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null })
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ ownerId: idOrNull, teamId: idOrNull }), { maxLength: 25 }),
          fc.constantFrom<Visibility>('own', 'team', 'all'),
          fc.integer({ min: 1, max: 4 }),
          idOrNull,
          async (records, visibility, userId, teamId) => {
            await db.deleteFrom('vis_probe').execute()
            if (records.length) {
              await db
                .insertInto('vis_probe')
                .values(records.map((r, i) => ({ id: i + 1, owner_id: r.ownerId, team_id: r.teamId })))
                .execute()
            }
            const a = actor(visibility, userId, teamId)
            const rows = await db
              .selectFrom('vis_probe')
              .select('id')
              .where((eb) => visibleTo(eb, a, { owner: 'vis_probe.owner_id', team: 'vis_probe.team_id' }))
              .orderBy('id')
              .execute()
            const expected = records.flatMap((r, i) => (canSee(a, r) ? [i + 1] : []))
            expect(rows.map((r) => r.id)).toEqual(expected)
          },
        ),
        { numRuns: 60 },
      )
    })
  })
})
