import { z } from 'zod'
import { clientFilterQuery } from './clients.schemas.ts'

/** What an export of the client list takes: the list's own filter, sort and columns, and a format. */
export const clientExportBody = z
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
    format: z.enum(['xlsx', 'csv']),
  })
  .meta({ id: 'ClientExportRequest' })
export type ClientExportBody = z.input<typeof clientExportBody>
