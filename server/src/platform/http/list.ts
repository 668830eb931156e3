import { z } from 'zod'

export const paginationQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}

export interface SortKey<K extends string> {
  key: K
  desc: boolean
}

/**
 * `?sort=name,-createdAt`: several keys, `-` for descending, each from the route's allow-list. The
 * repository maps keys to columns; nothing from the request reaches SQL as an identifier.
 */
export function sortQuery<const K extends string>(allowed: readonly [K, ...K[]], fallback: string) {
  return z
    .string()
    .max(300)
    .default(fallback)
    .transform((value, ctx): SortKey<K>[] => {
      const keys: SortKey<K>[] = []
      for (const raw of value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const desc = raw.startsWith('-')
        const key = (desc ? raw.slice(1) : raw) as K
        if (!allowed.includes(key)) {
          ctx.addIssue({
            code: 'invalid_value',
            values: [...allowed],
            input: key,
            message: `unknown sort key ${key}`,
          })
          return z.NEVER
        }
        if (!keys.some((k) => k.key === key)) keys.push({ key, desc })
      }
      return keys
    })
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
}

/** A comma-separated list of ids in a query string: `?teamId=1,2`. */
export const idListQuery = z
  .string()
  .regex(/^\d+(,\d+)*$/)
  .transform((s) => s.split(',').map(Number))
