import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.ts'

export function etagOf(version: number): string {
  return `"${version}"`
}

export function sendWithEtag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  reply.header('etag', etagOf(record.version))
  return record
}

/**
 * The version the client says it is changing, from `If-Match`. Missing → 428; the update then runs
 * `… where version = expected`, and a stale one (0 rows) is 412 with nothing changed.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match']
  if (!header) throw new AppError('precondition_required')
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim())
  if (!match) throw new AppError('precondition_failed')
  return Number(match[1])
}

export function assertVersion(expected: number, actual: number): void {
  if (expected !== actual) throw new AppError('precondition_failed')
}
