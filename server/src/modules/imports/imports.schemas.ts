import { z } from 'zod'

export const importIdParams = z.object({ id: z.coerce.number().int().positive() })

const settingsSchema = z.object({
  kind: z.enum(['organization', 'person', 'auto']),
  matchBy: z.array(z.enum(['inn', 'email', 'phone', 'externalId', 'name'])).max(5),
  policy: z.enum(['skip', 'update_empty', 'overwrite', 'create']),
  ownerId: z.number().int().positive().nullable(),
})

export const importSchema = z
  .object({
    id: z.number().int(),
    status: z.enum([
      'uploaded',
      'checking',
      'checked',
      'running',
      'done',
      'failed',
      'cancelled',
      'rolled_back',
    ]),
    fileName: z.string(),
    format: z.union([
      z.object({
        kind: z.literal('csv'),
        encoding: z.enum(['utf-8', 'windows-1251']),
        delimiter: z.enum([';', ',', '\t']),
      }),
      z.object({ kind: z.literal('xlsx'), sheets: z.array(z.string()), sheet: z.string() }),
    ]),
    headers: z.array(z.string()),
    sample: z.array(z.array(z.string())).meta({ description: 'The first 20 data rows as text' }),
    rowCount: z.number().int(),
    mapping: z.array(z.string().nullable()).meta({
      description:
        'A field per column: IMPORT_FIELDS, `custom.<key>`, `classifier` or `classifier:<id>`; null to skip',
    }),
    settings: settingsSchema,
    report: z
      .object({
        total: z.number().int(),
        create: z.number().int(),
        update: z.number().int(),
        skip: z.number().int(),
        error: z.number().int(),
      })
      .nullable(),
    operationId: z.number().int().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Import' })

export const importListSchema = z.object({ items: z.array(importSchema) })

export const importUpdateBody = z.object({
  sheet: z.string().max(300).optional(),
  mapping: z.array(z.string().max(200).nullable()).max(500).optional(),
  settings: settingsSchema.partial().optional(),
})

export const importRowsQuery = z.object({
  status: z.enum(['error', 'create', 'update', 'skip']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

export const importRowsSchema = z
  .object({
    items: z.array(
      z.object({
        row: z.number().int().meta({ description: 'Row number in the spreadsheet (the header is row 1)' }),
        action: z.enum(['create', 'update', 'skip', 'error']),
        clientId: z.number().int().nullable(),
        name: z.string(),
        errors: z.array(
          z.object({ column: z.number().int().nullable(), field: z.string(), message: z.string() }),
        ),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'ImportRows' })

export const importQueuedSchema = z.object({ operationId: z.number().int() }).meta({ id: 'ImportQueued' })
