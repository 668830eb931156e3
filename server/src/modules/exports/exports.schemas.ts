import { z } from 'zod'
/** The file formats of an export. */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

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
