import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Actor } from './actor.ts'

/**
 * The SQL form of `canSee`: a condition for list queries, so lists, counts and exports show exactly the
 * records the actor may open. Column names come from the repository (never from user input).
 */
export function visibleTo<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  columns: { owner: string; team: string },
): Expression<SqlBool> {
  if (actor.kind === 'system' || actor.visibility === 'all') return sql<SqlBool>`1 = 1`
  const owner = sql.ref(columns.owner)
  const team = sql.ref(columns.team)
  const self = actor.userId ?? -1
  if (actor.visibility === 'team' && actor.teamId !== null) {
    return eb.or([eb(owner, '=', self), eb(team, '=', actor.teamId)])
  }
  return eb(owner, '=', self)
}
