import type { IncomingMessage } from 'node:http'
import type { FastifyRequest } from 'fastify'
import type { AuditSource } from '../../platform/audit/audit.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import { issuesToFields } from '../../platform/errors/validation.ts'
import { sanitizeFileName } from '../../platform/files/file-names.ts'
import { type FileStorage, FileTooLargeError, type StoredFile } from '../../platform/files/file-storage.ts'
import type { FileDto, UploadFields } from './files.schemas.ts'
import { uploadFields } from './files.schemas.ts'
import * as service from './files.service.ts'

const FIELD_NAMES = new Set(['subjectType', 'subjectId', 'noteId'])
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,99}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,99}$/

/** The declared type, recorded for information only: downloads never trust it. */
function declaredMime(value: string | undefined): string {
  const mime = (value ?? '').split(';')[0]!.trim().toLowerCase()
  return MIME.test(mime) ? mime : 'application/octet-stream'
}

function tooLarge(limitMb: number): AppError {
  const problem = { key: 'files.too_large', params: { limit: limitMb } }
  return new AppError('payload_too_large', { ...problem, fields: { file: problem } })
}

/**
 * Reads and discards what the client is still sending after a refusal, so it gets the answer instead
 * of a reset connection; past `maxBytes` it stops and the connection is dropped.
 */
async function drain(raw: IncomingMessage, maxBytes: number): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return
  raw.unpipe()
  await new Promise<void>((resolve) => {
    let seen = 0
    const done = () => {
      raw.off('data', onData)
      raw.off('end', done)
      raw.off('close', done)
      raw.off('error', done)
      resolve()
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > maxBytes) done()
    }
    raw.on('data', onData)
    raw.once('end', done)
    raw.once('close', done)
    raw.once('error', done)
    raw.resume()
  })
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined
}

/**
 * Reads a multipart upload as a stream: the text fields first, then the file part, whose bytes go
 * straight to storage — but only after the caller was found allowed to attach a file to that record.
 * Anything that fails after the bytes were stored removes them again, so a refused upload leaves
 * neither a row nor a file on disk.
 */
export async function receiveUpload(
  request: FastifyRequest,
  ctx: service.FilesContext,
  storage: FileStorage,
  source: AuditSource,
  limitMb: number,
): Promise<FileDto> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', { key: 'files.multipart_required' })
  const maxBytes = limitMb * 1024 * 1024
  const raw: Record<string, unknown> = {}
  let stored: StoredFile | undefined
  let fileSeen = false
  let meta = { name: 'file', mime: 'application/octet-stream' }
  let fields: UploadFields | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (!FIELD_NAMES.has(part.fieldname)) continue
        if (fileSeen) throw AppError.field(part.fieldname, 'files.field_after_file')
        raw[part.fieldname] = part.value
        continue
      }
      if (fileSeen || part.fieldname !== 'file') {
        part.file.resume()
        throw AppError.field('file', 'files.file_required')
      }
      fileSeen = true
      const parsed = uploadFields.safeParse(raw)
      if (!parsed.success) {
        const messages = issuesToFields(parsed.error.issues, request.locale)
        throw new AppError('validation', {
          fields: Object.fromEntries(Object.entries(messages).map(([k, text]) => [k, { text }])),
        })
      }
      fields = parsed.data
      await service.checkUpload(ctx, source.actor, fields)
      const file = part.file
      file.once('limit', () => file.destroy(new FileTooLargeError(maxBytes)))
      stored = await storage.save(file, { maxBytes })
      if (file.truncated) throw new FileTooLargeError(maxBytes)
      meta = { name: sanitizeFileName(part.filename), mime: declaredMime(part.mimetype) }
    }
    if (!stored || !fields) throw AppError.field('file', 'files.file_required')
    if (stored.size === 0) throw AppError.field('file', 'files.empty')
    return await service.recordUpload(ctx, source, fields, stored, meta)
  } catch (error) {
    if (stored) await storage.remove(stored.key)
    await drain(request.raw, 2 * maxBytes + 1024 * 1024)
    if (error instanceof FileTooLargeError || errorCode(error) === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge(limitMb)
    }
    // The multipart parser's own refusals (a JSON field that is not JSON…) are the client's fault.
    const status = (error as { statusCode?: number }).statusCode
    if (!(error instanceof AppError) && status === 406) throw new AppError('bad_request', { cause: error })
    throw error
  }
}
