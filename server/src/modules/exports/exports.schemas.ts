import { z } from 'zod'
// The clients' schema file itself, not their index: api-types.ts reads this file's types, and the index
// would pull the clients' services (and the whole server) into the web app's type check.
import { clientFilterQuery } from '../clients/clients.schemas.ts'

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const exportBody = z
  .object({
    filter: clientFilterQuery
      .default({})
      .meta({ description: 'The list filter, as `GET /api/clients` takes it' }),
    sort: z
      .string()
      .max(300)
      .default('name')
      .meta({ description: 'The list sort, as `GET /api/clients` takes it' }),
    columns: z.array(z.string().max(100)).min(1).max(200).meta({
      description: 'List column keys in order: standard ones, `custom:<key>`, `class:<classifierId>`',
    }),
    format: z.enum(EXPORT_FORMATS),
  })
  .meta({ id: 'ClientExportRequest' })
export type ExportBody = z.input<typeof exportBody>

export const exportQueuedSchema = z
  .object({
    status: z.literal('queued'),
    total: z.number().int().meta({ description: 'Rows matched' }),
    operationId: z.number().int().meta({
      description: 'Follow it at GET /api/operations/{id}; when done, GET /api/exports/{id}/download',
    }),
  })
  .meta({ id: 'ExportQueued' })

export const exportFileResponse = {
  description: 'The file, as an attachment (small sets)',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.unknown().meta({ type: 'string', format: 'binary' }),
    },
    'text/csv': { schema: z.unknown().meta({ type: 'string', format: 'binary' }) },
  },
}

export const exportIdParams = z.object({ id: z.coerce.number().int().positive() })
