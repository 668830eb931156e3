import type { Db, Tx } from '../../platform/db/database.ts'

export interface ApiTokenDto {
  id: number
  name: string
  prefix: string
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
}

export async function findTokens(db: Db, userId: number): Promise<ApiTokenDto[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  }))
}

export async function insertToken(
  tx: Tx,
  v: { userId: number; name: string; tokenHash: string; prefix: string; expiresAt: string | null },
): Promise<number> {
  const row = await tx
    .insertInto('api_tokens')
    .values({
      user_id: v.userId,
      name: v.name,
      token_hash: v.tokenHash,
      prefix: v.prefix,
      created_at: new Date().toISOString(),
      expires_at: v.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Revokes one of the employee's own tokens; false when there is no such live token of theirs. */
export async function revokeToken(tx: Tx, userId: number, id: number): Promise<boolean> {
  const r = await tx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
