/**
 * Tells the open pages of everyone concerned that activities or tasks changed (the calendar, "my day",
 * a timeline refetch): the performer, the creator and the performer's team head. Sent at commit.
 */
import type { UnitOfWork } from '../../platform/db/transaction.ts'
import { publishEvent } from '../../platform/events/event-bus.ts'
import { ACTIVITIES_CHANGED_EVENT } from './activities.schemas.ts'

interface Concerned {
  id: number
  owner: number | null
  team: number | null
  createdBy: number | null
}

export const concernedActivity = (r: {
  id: number
  owner_id: number | null
  team_id: number | null
  created_by: number | null
}): Concerned => ({ id: r.id, owner: r.owner_id, team: r.team_id, createdBy: r.created_by })

export const concernedTask = (r: {
  id: number
  assignee_id: number | null
  team_id: number | null
  created_by: number | null
}): Concerned => ({ id: r.id, owner: r.assignee_id, team: r.team_id, createdBy: r.created_by })

export async function announce(uow: UnitOfWork, kind: 'activity' | 'task', rows: Concerned[]): Promise<void> {
  const users = new Set<number>()
  const teams = new Set<number>()
  for (const r of rows) {
    if (r.owner !== null) users.add(r.owner)
    if (r.createdBy !== null) users.add(r.createdBy)
    if (r.team !== null) teams.add(r.team)
  }
  if (teams.size) {
    const heads = await uow.tx
      .selectFrom('teams')
      .select('head_id')
      .where('id', 'in', [...teams])
      .execute()
    for (const h of heads) if (h.head_id !== null) users.add(h.head_id)
  }
  if (!users.size) return
  await publishEvent(uow, {
    type: ACTIVITIES_CHANGED_EVENT,
    userIds: [...users],
    data: { kind, ids: [...new Set(rows.map((r) => r.id))].slice(0, 50) },
  })
}
