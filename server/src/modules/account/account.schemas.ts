import { z } from 'zod'
import { localeSchema, themeSchema, timeZoneSchema, userSchema } from '../staff/index.ts'

export const loginBody = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
})

export const meSchema = userSchema
  .extend({
    permissions: z.array(z.string()),
    visibility: z.enum(['own', 'team', 'all']),
    csrfToken: z
      .string()
      .nullable()
      .meta({ description: 'Send back as X-CSRF-Token on writes made with the session cookie' }),
  })
  .meta({ id: 'Me' })

export const meUpdateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    phone: z.string().trim().max(32),
    position: z.string().trim().max(200),
    locale: localeSchema,
    theme: themeSchema,
    timeZone: timeZoneSchema,
  })
  .partial()

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
})

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' })

export const tokenCreateBody = z.object({
  name: z.string().trim().min(1).max(200),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
})

export const tokenCreatedSchema = tokenSchema.extend({
  token: z.string().meta({ description: 'Shown only once: keep it now' }),
})

export const metaSchema = z.object({
  name: z.string(),
  version: z.string(),
  defaultLocale: z.enum(['ru', 'en']),
  defaultTimeZone: z.string(),
  database: z.enum(['sqlite', 'postgres']),
})
