import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { attachmentDisposition } from '../../platform/files/file-names.ts'
import { FileStorage } from '../../platform/files/file-storage.ts'
import { auditSource, errorResponses } from '../../platform/http/request.ts'
import { clientExportBody } from '../clients/index.ts'
import { exportFileResponse, exportIdParams, exportQueuedSchema } from './exports.schemas.ts'
import { exportClients, getExportDownload } from './exports.service.ts'

function asAttachment(reply: FastifyReply, name: string, contentType: string): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', attachmentDisposition(name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
}

/** Exports of list views (the client list now): at once for small sets, in the background for big ones. */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, database, jobs, config } = app.ctx
  const storage = new FileStorage(config.filesDir)

  app.post(
    '/api/clients/export',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Export the client list (its filter, sort and columns) to XLSX or CSV',
        description:
          'Small sets come back at once as the file (200, an attachment). Bigger ones run in the background (202): follow the operation; its creator downloads the file from /api/exports/{id}/download.',
        body: clientExportBody,
        response: { 200: exportFileResponse, 202: exportQueuedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await exportClients(
        { db, dialect: database.kind, jobs },
        auditSource(request),
        request.body,
      )
      if (result.kind === 'queued')
        return reply
          .status(202)
          .send({ status: 'queued', total: result.total, operationId: result.operationId })
      return asAttachment(reply, result.name, result.contentType)
        .header('x-export-rows', String(result.rows))
        .send(result.body)
    },
  )

  app.get(
    '/api/exports/:id/download',
    {
      schema: {
        tags: ['Clients'],
        summary: 'Download the file of a finished background export (only its creator)',
        params: exportIdParams,
        response: { 200: exportFileResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await getExportDownload(db, requireActor(request), request.params.id)
      const size = await storage.size(file.storageKey)
      if (size === undefined) throw AppError.notFound()
      return asAttachment(reply, file.name, file.mime)
        .header('content-length', String(size))
        .send(storage.open(file.storageKey))
    },
  )
}
