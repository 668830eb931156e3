import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type Locale, translate } from '../i18n/messages.ts'
import { AppError, ERROR_STATUS, type ErrorCode, isUniqueViolation } from './app-error.ts'
import type { ErrorBody } from './error-body.ts'
import { isRequestValidationError, issuesToFields } from './validation.ts'

function fastifyErrorCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request'
    case 401:
      return 'unauthenticated'
    case 403:
      return 'forbidden'
    case 404:
      return 'not_found'
    case 413:
      return 'payload_too_large'
    case 415:
      return 'unsupported_media_type'
    case 429:
      return 'rate_limited'
    case 503:
      return 'unavailable'
    default:
      return 'internal'
  }
}

export function toErrorBody(error: unknown, locale: Locale): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const fields = error.fields
      ? Object.fromEntries(
          Object.entries(error.fields).map(([f, p]) => [
            f,
            'text' in p ? p.text : translate(locale, p.key, p.params),
          ]),
        )
      : undefined
    const message =
      error.code === 'validation' && fields && error.key === 'errors.validation'
        ? translate(locale, 'errors.validation')
        : translate(locale, error.key, error.params)
    return {
      status: error.status,
      body: { error: { code: error.code, message, ...(fields ? { fields } : {}) } },
    }
  }
  if (isRequestValidationError(error)) {
    return {
      status: 400,
      body: {
        error: {
          code: 'validation',
          message: translate(locale, 'errors.validation'),
          fields: issuesToFields(error.issues, locale),
        },
      },
    }
  }
  if (isUniqueViolation(error)) {
    return {
      status: 409,
      body: { error: { code: 'conflict', message: translate(locale, 'errors.conflict') } },
    }
  }
  const fe = error as Partial<FastifyError>
  const status =
    typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500
  const code = fastifyErrorCode(status)
  return {
    status: ERROR_STATUS[code] === status ? status : ERROR_STATUS[code],
    body: { error: { code, message: translate(locale, `errors.${code}`) } },
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorBody(error, request.locale)
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: body.error.code }, 'request refused')
    if (error instanceof AppError && error.code === 'rate_limited' && error.params?.retryAfter) {
      reply.header('retry-after', String(error.params.retryAfter))
    }
    return reply.status(status).send(body)
  })
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = toErrorBody(AppError.notFound(), request.locale)
    return reply.status(status).send(body)
  })
}
