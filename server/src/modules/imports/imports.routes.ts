import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { attachmentDisposition, sanitizeFileName } from '../../platform/files/file-names.ts'
import { FileStorage } from '../../platform/files/file-storage.ts'
import { expectedVersion } from '../../platform/http/etag.ts'
import {
  auditSource,
  errorResponses,
  ifMatchHeader,
  writeErrorResponses,
} from '../../platform/http/request.ts'
import {
  importIdParams,
  importListSchema,
  importQueuedSchema,
  importRowsQuery,
  importRowsSchema,
  importSchema,
  importUpdateBody,
} from './imports.schemas.ts'
import * as service from './imports.service.ts'

/** The import wizard's API (clients and contact persons from CSV/XLSX). */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, db, jobs } = app.ctx
  const ctx: service.ImportsContext = { db, jobs, storage: new FileStorage(config.filesDir) }
  const maxBytes = config.uploadMaxMb * 1024 * 1024
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 5 },
    throwFileSizeLimit: true,
  })

  app.post(
    '/api/imports',
    {
      schema: {
        tags: ['Imports'],
        summary: `Upload a CSV or XLSX file to import (multipart field \`file\`, up to ${config.uploadMaxMb} MB)`,
        consumes: ['multipart/form-data'],
        response: { 201: importSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('unsupported_media_type', { key: 'files.multipart_required' })
      let file: { name: string; bytes: Buffer } | undefined
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') continue
          if (part.fieldname !== 'file' || file) {
            part.file.resume()
            continue
          }
          file = { name: sanitizeFileName(part.filename), bytes: await part.toBuffer() }
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          const problem = { key: 'files.too_large', params: { limit: config.uploadMaxMb } }
          throw new AppError('payload_too_large', { ...problem, fields: { file: problem } })
        }
        throw error
      }
      if (!file) throw AppError.field('file', 'files.file_required')
      if (file.bytes.length === 0) throw AppError.field('file', 'files.empty')
      return reply.status(201).send(await service.uploadImport(ctx, auditSource(request), file))
    },
  )

  app.get(
    '/api/imports',
    {
      schema: {
        tags: ['Imports'],
        summary: 'My imports, newest first',
        response: { 200: importListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listImports(ctx, requireActor(request)) }),
  )

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['Imports'],
        summary: 'An import (its creator or an administrator)',
        params: importIdParams,
        response: { 200: importSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const dto = await service.getImport(ctx, requireActor(request), request.params.id)
      return reply.header('etag', `"${dto.version}"`).send(dto)
    },
  )

  app.patch(
    '/api/imports/:id',
    {
      schema: {
        tags: ['Imports'],
        summary: 'Choose the sheet, the column mapping and the settings (If-Match)',
        params: importIdParams,
        headers: ifMatchHeader,
        body: importUpdateBody,
        response: { 200: importSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const dto = await service.updateImport(
        ctx,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      )
      return reply.header('etag', `"${dto.version}"`).send(dto)
    },
  )

  app.post(
    '/api/imports/:id/check',
    {
      schema: {
        tags: ['Imports'],
        summary: 'Dry run (nothing written): at once up to 2,000 rows, else in the background',
        params: importIdParams,
        response: { 200: importSchema, 202: importQueuedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await service.checkImport(ctx, auditSource(request), request.params.id)
      if (result.kind === 'queued') return reply.status(202).send({ operationId: result.operationId })
      return reply.status(200).send(result.import)
    },
  )

  app.get(
    '/api/imports/:id/rows',
    {
      schema: {
        tags: ['Imports'],
        summary: 'The per-row outcome of the dry run (or of the run, once started)',
        params: importIdParams,
        querystring: importRowsQuery,
        response: { 200: importRowsSchema, ...errorResponses },
      },
    },
    async (request) => service.findImportRows(ctx, requireActor(request), request.params.id, request.query),
  )

  for (const action of ['run', 'rollback'] as const)
    app.post(
      `/api/imports/:id/${action}`,
      {
        schema: {
          tags: ['Imports'],
          summary:
            action === 'run'
              ? 'Import the rows, in the background (follow the operation)'
              : 'Undo an import: its new clients go to the trash, updated fields get their old values',
          params: importIdParams,
          response: { 202: importQueuedSchema, ...writeErrorResponses },
        },
      },
      async (request, reply) => {
        const fn = action === 'run' ? service.runImport : service.rollbackImport
        return reply.status(202).send({ operationId: await fn(ctx, auditSource(request), request.params.id) })
      },
    )

  app.post(
    '/api/imports/:id/cancel',
    {
      schema: {
        tags: ['Imports'],
        summary: 'Stop a running import or dry run after the current batch',
        params: importIdParams,
        response: { 200: importSchema, ...writeErrorResponses },
      },
    },
    async (request) => service.cancelImport(ctx, requireActor(request), request.params.id),
  )

  app.get(
    '/api/imports/:id/report.csv',
    {
      schema: {
        tags: ['Imports'],
        summary: 'The rejected rows and their reasons (CSV attachment)',
        params: importIdParams,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { name, body } = await service.rejectedRowsCsv(ctx, requireActor(request), request.params.id)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(body)
    },
  )
}
