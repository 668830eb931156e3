import { z } from 'zod'

export const operationSchema = z
  .object({
    id: z.number().int(),
    type: z.string().meta({ description: 'e.g. `clients.reassign`' }),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number().int().meta({ description: 'Records to handle, counted when it started' }),
    done: z.number().int().meta({ description: 'Records handled so far' }),
    result: z.record(z.string(), z.number()).meta({ description: 'Counters, e.g. `{ changed: 120 }`' }),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Operation' })

export type OperationDto = z.infer<typeof operationSchema>

/** What a command answers when it ran at once or was queued as an operation. */
export const operationStartedSchema = z
  .object({
    status: z.enum(['done', 'queued']),
    changed: z.number().int().meta({ description: 'Records changed now (0 when queued)' }),
    total: z.number().int().meta({ description: 'Records matched' }),
    operationId: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'When queued: follow it at GET /api/operations/{id}' }),
  })
  .meta({ id: 'BulkResult' })
