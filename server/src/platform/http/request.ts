import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AuditSource } from '../audit/audit.ts'
import { requireActor } from '../auth/auth.plugin.ts'

/** Who did it and through what, for the audit trail. */
export function auditSource(request: FastifyRequest): AuditSource {
  return {
    actor: requireActor(request),
    requestId: request.id,
    source: request.authKind === 'token' ? 'api' : 'web',
  }
}

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' })

/** The usual refusals, so every route documents them. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
} as const

export const writeErrorResponses = {
  ...errorResponses,
  409: errorResponse,
  412: errorResponse,
  428: errorResponse,
} as const

export const ifMatchHeader = z.object({
  'if-match': z.string().optional().meta({ description: 'The ETag of the version being changed (required)' }),
})
