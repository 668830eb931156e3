import multipart from '@fastify/multipart'
import type { FastifySchemaCompiler } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { validatorCompiler } from '../../platform/errors/validation.ts'
import { attachmentDisposition } from '../../platform/files/file-names.ts'
import { FileStorage } from '../../platform/files/file-storage.ts'
import { auditSource, errorResponse, errorResponses } from '../../platform/http/request.ts'
import {
  downloadResponse,
  fileListQuery,
  fileListSchema,
  fileSchema,
  idParams,
  uploadForm,
} from './files.schemas.ts'
import * as service from './files.service.ts'
import { receiveUpload } from './files.upload.ts'

const noContent = z.null().meta({ description: 'Done' })

/** The upload's form is documented but read as a stream in the handler, not validated as a body. */
type Compiler = FastifySchemaCompiler<unknown>
function streamedBodyValidator(route: Parameters<Compiler>[0]): ReturnType<Compiler> {
  if (route.httpPart === 'body') return (data: unknown) => ({ value: data })
  return validatorCompiler(route as Parameters<typeof validatorCompiler>[0])
}

/**
 * Files attached to records (a client's dossier now). The policy only checks the caller is signed in;
 * each handler checks the record the file belongs to. Downloads are always attachments of type
 * application/octet-stream under a sandboxing CSP, whatever the uploader claimed the file was.
 */
export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.ctx
  const ctx = { db: app.ctx.db, subjects: app.ctx.subjects }
  const storage = new FileStorage(config.filesDir)

  // Only in this plugin's scope: no other route accepts multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: config.uploadMaxMb * 1024 * 1024, files: 1, fields: 10, fieldSize: 1024 },
    throwFileSizeLimit: true,
  })

  app.get(
    '/api/files',
    {
      schema: {
        tags: ['Files'],
        summary: "A record's files, newest first",
        querystring: fileListQuery,
        response: { 200: fileListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listFiles(ctx, requireActor(request), request.query) }),
  )

  app.post(
    '/api/files',
    {
      validatorCompiler: streamedBodyValidator,
      schema: {
        tags: ['Files'],
        summary: `Upload a file to a record (multipart/form-data, up to ${config.uploadMaxMb} MB)`,
        consumes: ['multipart/form-data'],
        body: uploadForm,
        response: {
          201: fileSchema,
          ...errorResponses,
          413: errorResponse,
          415: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const file = await receiveUpload(request, ctx, storage, auditSource(request), config.uploadMaxMb)
      return reply.status(201).send(file)
    },
  )

  app.get(
    '/api/files/:id/download',
    {
      schema: {
        tags: ['Files'],
        summary: 'Download a file (always as an attachment)',
        params: idParams,
        response: { 200: downloadResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await service.getDownload(ctx, requireActor(request), request.params.id)
      const size = await storage.size(file.storageKey)
      if (size === undefined) {
        request.log.warn({ fileId: request.params.id }, 'file bytes missing from storage')
        throw AppError.notFound()
      }
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', attachmentDisposition(file.name))
        .header('content-length', String(size))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(storage.open(file.storageKey))
    },
  )

  app.delete(
    '/api/files/:id',
    {
      schema: {
        tags: ['Files'],
        summary: 'Delete a file (its uploader or an administrator)',
        params: idParams,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.deleteFile(ctx, auditSource(request), request.params.id)
      return reply.status(204).send(null)
    },
  )
}
